#!/usr/bin/env bash
# Photographs the pull request's job summary as GitHub shows it, in Arabic
# and English, for docs/ci.md: the Action's summary script runs on a copy
# of the charity's plan with a change on top (an item moved and given to
# someone else, a KPI target raised, money moved between goals, a
# person's hours cut), its
# Markdown is rendered by a CommonMark renderer with GitHub's tables
# (markdown-it-py, pinned, in target/summary-venv) and photographed in
# headless Chromium. Installs Chromium, an Arabic font and the colour emoji
# font from Debian when
# they are missing (needs root and the package registry).
#
#   bash scripts/screenshot-summary.sh            # docs/images/summary-{ar,en}.png
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# GitHub shows the check's ✅ ❌ ⚠️ in colour: so does the screenshot.
if ! command -v chromium >/dev/null || ! fc-list | grep -qi "color emoji"; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-color-emoji >/dev/null
fi
venv=target/summary-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet markdown-it-py==3.0.0
fi
cargo build --quiet --locked --bin khairukum
export PATH="$root/target/debug:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The base branch: the charity's plan; the pull request: one change on top.
git init -q -b main "$work/origin"
cp -r plans "$work/origin/plans"
git -C "$work/origin" add .
git -C "$work/origin" -c user.name=staff -c user.email=staff@example.org commit -q -m plan
git clone -q "$work/origin" "$work/pr"
cd "$work/pr/plans"
sed -i 's/publish: 2026-12-08T19:00/publish: 2026-12-09T19:00/' calendar/2026-12.yaml
sed -i '68s/owner: huda/owner: sara/' calendar/2026-12.yaml
sed -i '15s/value: 62000,/value: 70000,/' goals.yaml
sed -i 's/amount: 42000/amount: 36000/; s/amount: 18000/amount: 24000/' budget.yaml
sed -i '31s/hours_per_week: 30/hours_per_week: 6/' team.yaml
cd ..
git -c user.name=staff -c user.email=staff@example.org commit -q -am "December: move the 3rd, more for the image"

for lang in ar en; do
  md=$work/summary-$lang.md
  PLAN=plans LANGUAGE=$lang GITHUB_BASE_REF=main GITHUB_STEP_SUMMARY=$md \
    bash "$root/.github/summary.sh"
  {
    cat <<'HTML'
<!doctype html><meta charset="utf-8">
<style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
       color: #1f2328; max-width: 860px; margin: 24px auto; padding: 0 24px; }
h3 { font-size: 1.25em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 12px 0; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
</style>
HTML
    "$root/$venv/bin/python" -c '
import sys
from markdown_it import MarkdownIt
print(MarkdownIt("commonmark", {"html": True}).enable("table").render(sys.stdin.read()))' <"$md"
  } >"$work/summary-$lang.html"
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=920,"${HEIGHT:-840}" \
    --screenshot="$root/docs/images/summary-$lang.png" "file://$work/summary-$lang.html" 2>/dev/null
  rm -rf "$profile"
  test -s "$root/docs/images/summary-$lang.png"
  cp "$md" "$root/target/summary-$lang.md"
  echo "wrote docs/images/summary-$lang.png (Markdown: target/summary-$lang.md)"
done
