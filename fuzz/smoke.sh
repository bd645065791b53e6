#!/usr/bin/env bash
# Short fuzz run of every target (default 30 s each): `fuzz/smoke.sh [SECONDS]`.
# Needs `cargo install cargo-fuzz`. The toolchain is stable; RUSTC_BOOTSTRAP=1 lets cargo-fuzz
# pass the flags it needs. Long runs: `RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET -- -max_total_time=600`.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
# extra seed inputs read from the test fixtures (libFuzzer writes new finds to the first folder)
seeds() {
  case $1 in
    ingest) echo tests/fixtures/ingest tests/fixtures/html tests/fixtures/md tests/fixtures/attribution assets ;;
    html) echo tests/fixtures/html ;;
  esac
}
for target in $(RUSTC_BOOTSTRAP=1 cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target"
  echo "== $target ($secs s)"
  # shellcheck disable=SC2046
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" $(seeds "$target") -- -max_total_time="$secs" -max_len=65536 2>&1 | tail -3
done
