#!/usr/bin/env bash
# Peak memory of the reader on a big article, the way issue 7 measures it: build an article of
# SIZE_MB megabytes from the bundled sample (its header once, then its body repeated, as
# benches/scale.rs does), open it in the release binary inside a 200x60 tmux window under
# `/usr/bin/time -v`, wait for the analysis to fill the sidebar, press G (end) and q (quit).
# Then the same article through `hearsay analyze --json`.
# SHAPE `oneline` (issue 17) writes the same prose as a single line: no line break at all.
# usage: cargo build --release && scripts/peak_memory.sh [SIZE_MB=50] [WAIT_SECONDS=10] [SHAPE=paragraphs|oneline]
# needs: tmux, GNU time (/usr/bin/time)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-50}
wait=${2:-10}
shape=${3:-paragraphs}
work=$(mktemp -d)
trap 'tmux kill-session -t hearsay-peak 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$root/assets/sample.txt" "$work/big.txt" "$size" "$shape" <<'PY'
import sys
sample = open(sys.argv[1], encoding="utf-8").read()
start = 0
for _ in range(4):
    start = sample.index("\n", start) + 1
body, out, want = sample[start:], [sample], int(sys.argv[3]) * 1024 * 1024
n = len(sample.encode())
while n < want:
    out.append("\n" + body)
    n += 1 + len(body.encode())
text = "".join(out)
if sys.argv[4] == "oneline":
    text = " ".join(text.split())
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
mkdir -p "$work/home"
tmux new-session -d -s hearsay-peak -x 200 -y 60 \
  "cd '$work' && HOME='$work/home' XDG_DATA_HOME='$work/home/data' /usr/bin/time -v -o '$work/time.txt' '$root/target/release/hearsay' big.txt"
sleep "$wait"
tmux send-keys -t hearsay-peak G
sleep 2
tmux send-keys -t hearsay-peak q
for _ in $(seq 1 50); do [ -s "$work/time.txt" ] && break; sleep 0.2; done
size_bytes=$(stat -c %s "$work/big.txt")
peak_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")
/usr/bin/time -v -o "$work/time-analyze.txt" "$root/target/release/hearsay" analyze "$work/big.txt" --json >/dev/null
analyze_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time-analyze.txt")
echo "article ($shape): $size_bytes bytes"
echo "peak RSS, reader: $peak_kb kB ($((peak_kb / 1024)) MiB)"
echo "peak RSS, analyze --json: $analyze_kb kB ($((analyze_kb / 1024)) MiB)"
echo "target (4.5 x size + 50 MB): $(( (9 * size_bytes / 2 + 50 * 1000 * 1000) / 1024 )) kB"
