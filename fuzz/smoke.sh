#!/usr/bin/env bash
# Short fuzz run of every target (default 30 s each): `fuzz/smoke.sh [SECONDS]`.
# Needs `cargo install cargo-fuzz`. The toolchain is stable; RUSTC_BOOTSTRAP=1 lets cargo-fuzz
# pass the flags it needs. Long runs: `RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET -- -max_total_time=600`.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
for target in $(RUSTC_BOOTSTRAP=1 cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target"
  echo "== $target ($secs s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$secs" -max_len=65536 2>&1 | tail -3
done
