# Shared helpers for the benchmark scripts (sourced, not run).

median_ms() { # command... → median wall milliseconds over $RUNS runs
  local times=() start end
  for _ in $(seq "${RUNS:-10}"); do
    start=$(date +%s%N)
    "$@" >/dev/null || true # a run with findings exits 1: still timed
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

peak_mb() { # command... → peak resident memory in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'
}

prepare() { # example... → builds the binary and these examples; sets $bin
  # (the binary) and $work (a scratch folder, removed on exit)
  local args=(--bin khairukum) example
  for example in "$@"; do args+=(--example "$example"); done
  cargo build --release --quiet "${args[@]}"
  bin=$PWD/target/release/khairukum
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
