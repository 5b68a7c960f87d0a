#!/usr/bin/env bash
# Cold start: process launch to the first answered POST /predict (HTTP 200), median of N runs.
#   bench/cold-start.sh pigeonhole|reference [runs=5]
# pigeonhole runs `./pigeonhole serve predict` (the jar and a model must exist: run ./pigeonhole serve
# once); reference runs the Python FastAPI reference from the folder REFERENCE_DIR names (see its README).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?pigeonhole or reference}
runs=${2:-5}
port=${PORT:-18080}
body=bench/body.json

start_server() {
  case "$target" in
    pigeonhole) PREDICT_PORT=$port exec ./pigeonhole serve predict ;;
    reference) exec /usr/bin/python3 -m uvicorn serve:app --app-dir "${REFERENCE_DIR:?set REFERENCE_DIR to the Python reference folder}" --host 127.0.0.1 \
                 --port "$port" --workers 1 --log-level warning ;;
  esac
}

times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  start_server >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$body" \
        "http://127.0.0.1:$port/predict"; do
    sleep 0.02
    if ! kill -0 "$pid" 2>/dev/null; then echo "server exited" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then echo "no answer in 60 s" >&2; kill "$pid"; exit 1; fi
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$elapsed")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: ${elapsed} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "$target cold start, median of $runs: ${median} ms"
