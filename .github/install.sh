#!/usr/bin/env bash
# Installs the khairukum binary for the Action: the prebuilt release archive
# of the Action's own version for this runner, its SHA-256 checked against
# the release's checksum file; when there is none (an unreleased commit, an
# unusual runner), `cargo install --locked` from the Action's own source
# instead. An archive whose checksum does not match is an error: it is not
# what was released, and nothing is installed. The download folder is
# removed however the script ends.
#
# Environment: GITHUB_ACTION_PATH (the Action's checkout), RUNNER_OS,
# RUNNER_ARCH, GITHUB_PATH (as GitHub sets them; the platform is asked of
# `uname` without them); KHAIRUKUM_RELEASES (where
# releases are downloaded from, for tests) and KHAIRUKUM_BIN (where the
# binary goes; default ~/.khairukum/bin).
set -euo pipefail

source_dir=${GITHUB_ACTION_PATH:?the Action path}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source_dir/Cargo.toml" | head -n 1)
releases=${KHAIRUKUM_RELEASES:-https://github.com/khairukum/khairukum/releases/download}
bin=${KHAIRUKUM_BIN:-$HOME/.khairukum/bin}

# On a runner GitHub names the platform; elsewhere (the pre-commit hook on
# a laptop) `uname` does, in the runner's words.
os=${RUNNER_OS:-$(case "$(uname -s)" in
  Linux) echo Linux ;; Darwin) echo macOS ;; MINGW* | MSYS* | CYGWIN*) echo Windows ;; *) uname -s ;;
esac)}
arch=${RUNNER_ARCH:-$(case "$(uname -m)" in
  x86_64 | amd64) echo X64 ;; aarch64 | arm64) echo ARM64 ;; *) uname -m ;;
esac)}

case "$os-$arch" in
  Linux-X64) target=x86_64-unknown-linux-gnu ;;
  Linux-ARM64) target=aarch64-unknown-linux-gnu ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) target= ;;
esac

sha256() { # file → its SHA-256, in hex
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d ' ' -f 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

prebuilt() { # installs the release's binary; 1 when there is none to install
  [ -n "$target" ] || { echo "no prebuilt binary for $os-$arch"; return 1; }
  local archive="khairukum-$version-$target.tar.gz"
  local url="$releases/v$version/$archive" expected actual
  if ! { curl --fail --silent --show-error --location --retry 3 -o "$work/$archive" "$url" &&
    curl --fail --silent --show-error --location --retry 3 -o "$work/$archive.sha256" "$url.sha256"; }; then
    echo "no release archive at $url"
    return 1
  fi
  expected=$(cut -d ' ' -f 1 "$work/$archive.sha256")
  actual=$(sha256 "$work/$archive")
  if [ "$expected" != "$actual" ]; then
    echo "error: checksum mismatch for $archive: expected $expected, got $actual;" \
      "the download is not the released binary, and nothing was installed" >&2
    exit 1
  fi
  mkdir -p "$bin"
  tar -xzf "$work/$archive" -C "$bin"
  echo "installed khairukum $version ($target) from the release"
}

if ! prebuilt; then
  echo "building khairukum $version from source instead"
  cargo install --locked --root "$(dirname "$bin")" --path "$source_dir"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$bin" >>"$GITHUB_PATH"
fi
