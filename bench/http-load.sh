#!/usr/bin/env bash
# Warm throughput and latency with wrk on loopback (2 threads, 16 connections, the ~1.5 KB message),
# then the server's peak RSS (VmHWM).
#   bench/http-load.sh pigeonhole|reference [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?pigeonhole or reference}
seconds=${2:-15}
port=${PORT:-18080}

case "$target" in
  # No per-address limit: wrk sends everything from one address (PredictBenchmark measures the limiter's cost).
  pigeonhole) PIGEONHOLE_PREDICT_RATE_PER_SECOND=0 PREDICT_PORT=$port ./pigeonhole serve predict >/tmp/pigeonhole-load.log 2>&1 & ;;
  reference) /usr/bin/python3 -m uvicorn serve:app --app-dir "${REFERENCE_DIR:?set REFERENCE_DIR to the Python reference folder}" --host 127.0.0.1 --port "$port" \
               --workers 1 --log-level warning >/tmp/reference-load.log 2>&1 & ;;
esac
pid=$!
work_log=$(mktemp)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$work_log"' EXIT
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @bench/body.json "http://127.0.0.1:$port/predict"; do
  sleep 0.1
done
# JIT warm-up for the JVM, and the same short run for the reference so both are treated alike.
wrk -t2 -c16 -d5s -s bench/post.lua "http://127.0.0.1:$port/predict" >/dev/null
server_pid=$(pgrep -P "$pid" java || pgrep -P "$pid" python3 || echo "$pid")
# The server's CPU time per answered request: unlike throughput, it hardly depends on what else the machine runs.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
before=$(cpu_ticks)
echo "== $target: wrk -t2 -c16 -d${seconds}s --latency"
wrk -t2 -c16 -d"${seconds}s" --latency -s bench/post.lua "http://127.0.0.1:$port/predict" | tee "$work_log"
after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work_log")
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "server CPU per request: %.1f us (%d requests, %.2f s of CPU)\n", t / hz * 1e6 / n, n, t / hz }'
grep -E 'VmHWM|VmRSS' "/proc/$server_pid/status"
