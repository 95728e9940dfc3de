#!/usr/bin/env bash
# Checks the dependencies against deny.toml with cargo-deny: licences
# allowed, no duplicate versions but those deny.toml explains, crates.io as
# the only source. (Advisories need the RustSec database from GitHub, which
# CI cannot reach.) cargo-deny is built from crates.io, pinned, into
# target/tools on first use (about 2 to 5 minutes).
#
#   bash scripts/deny.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/tools
version=0.20.2
if ! "$tools/bin/cargo-deny" --version 2>/dev/null | grep -q "$version"; then
  cargo install --quiet --locked --root "$tools" cargo-deny --version "$version"
fi
"$tools/bin/cargo-deny" --log-level error check licenses bans sources
echo "dependencies: licences, bans and sources as deny.toml allows"
