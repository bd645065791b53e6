#!/usr/bin/env bash
# First index of the library benchmark's corpus with the real binary, timed with GNU time
# (wall clock, peak memory), in a fresh data folder; then the same command again (nothing
# changed) and a search, for comparison with `cargo bench --bench library`.
# usage: cargo bench --bench library (makes target/library-bench/corpus-10000)
#        cargo build --release && scripts/library_bench.sh [CORPUS_DIR]
# needs: GNU time (/usr/bin/time)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/target/library-bench/corpus-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
bin="$root/target/release/hearsay"
echo "corpus: $(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l) files, $(du -sm "$corpus" | cut -f1) MB; $(nproc) cores"
for run in first again; do
  /usr/bin/time -f "$run index: %e s wall, %U s user, peak %M kB" "$bin" library index "$corpus"
done
/usr/bin/time -f "search (process start to exit): %e s, peak %M kB" \
  "$bin" library search "$corpus" 'speaker:Okonkwo "night shift"' --limit 5 >/dev/null
ls -l "$XDG_DATA_HOME/hearsay/library.sqlite" | awk '{print "database: " $5 " bytes"}'
