#!/usr/bin/env bash
# The pre-commit hook `khairukum-validate`: `khairukum plan validate` with
# the prebuilt binary of the hook's own version, downloaded once and checked
# against the release's checksum by install.sh, then kept in the user's
# cache; built from source only when there is no release to download (a
# commit pinned before the release, an unusual platform).
#
# Arguments are passed on to `plan validate` (the hook's `args:`).
# Environment: KHAIRUKUM_CACHE (where binaries are kept; default
# $XDG_CACHE_HOME/khairukum or ~/.cache/khairukum), KHAIRUKUM_RELEASES (as
# for install.sh).
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source_dir/Cargo.toml" | head -n 1)
# The commit too: two unreleased commits of one version are two builds.
commit=$(git -C "$source_dir" rev-parse --short=12 HEAD 2>/dev/null || echo source)
cache=${KHAIRUKUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/khairukum}
bin="$cache/$version-$commit/bin"

if [ ! -x "$bin/khairukum" ] && [ ! -x "$bin/khairukum.exe" ]; then
  # install.sh's words go to standard error: pre-commit shows them on failure.
  GITHUB_ACTION_PATH=$source_dir KHAIRUKUM_BIN=$bin GITHUB_PATH='' bash "$source_dir/.github/install.sh" >&2
fi
if [ -x "$bin/khairukum.exe" ]; then exe="$bin/khairukum.exe"; else exe="$bin/khairukum"; fi
exec "$exe" plan validate "$@"
