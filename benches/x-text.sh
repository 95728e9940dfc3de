#!/usr/bin/env bash
# Benchmark of X's counter (`khairukum::text::x`): weighted length, URLs
# and hashtags of texts of 200,000 characters, ordinary and hostile (one
# long word, label chains, parentheses, hashes, emoji). The cost must grow
# linearly: each line is one text, median of RUNS runs.
#
#   bash benches/x-text.sh            # RUNS=10 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
cargo build --release --quiet --example x_count
bin=target/release/examples/x_count
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source benches/lib.sh

python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
n = 200_000
texts = {
    "one-word": "a" * n,
    "arabic-post": ("تبرعكم يصنع الفرق #خيركم https://khairukum.org.sa/donate " * 4000)[:n],
    "label-chain": "a." * (n // 2),
    "hyphen-labels": "a-" * (n // 2 - 4) + "a.com",
    "open-parens": "http://x.com/" + "(" * (n - 13),
    "nested-parens": "http://x.com/" + "a(b(c)d)" * ((n - 13) // 8),
    "hashes": "#" * n,
    "hash-words": "#a" * (n // 2),
    "emoji": "👨‍👩‍👧‍👦" * (n // 7),
    "dots-no-tld": ("x" * 60 + ".") * (n // 61),
}
for name, text in texts.items():
    open(f"{w}/{name}.txt", "w", encoding="utf-8").write(text)
PY
printf '%-16s %10s %12s\n' text characters "median ms"
for f in "$work"/*.txt; do
  name=$(basename "$f" .txt)
  chars=$(python3 -c "import sys; print(len(open(sys.argv[1], encoding='utf-8').read()))" "$f")
  printf '%-16s %10s %12s\n' "$name" "$chars" "$(median_ms sh -c "$bin < '$f'")"
done
