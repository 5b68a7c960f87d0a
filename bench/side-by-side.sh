#!/usr/bin/env bash
# Pigeonhole and the Python reference measured in one run, alternating: cold start (median of 5
# each), then wrk load and peak RSS, twice each in the order P R P R. Quote ratios, not absolutes.
#   bench/side-by-side.sh [seconds=15]      (needs: ./pigeonhole serve once, and the reference model:
#                                             /usr/bin/python3 "$REFERENCE_DIR"/train.py)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
seconds=${1:-15}
for target in pigeonhole reference; do bench/cold-start.sh "$target" 5 | tail -1; done
for round in 1 2; do
  for target in pigeonhole reference; do
    echo "--- round $round"
    bench/http-load.sh "$target" "$seconds" | grep -E '==|Latency|50%|90%|99%|Requests/sec|VmHWM'
  done
done
