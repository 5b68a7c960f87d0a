#!/usr/bin/env bash
# Uploads under load: 16 connections each posting a 1 MB PDF to /upload for 30 s (wrk), while /health is asked
# every 0.2 s; every upload must be answered 200 and every health check too. Needs a model in the store
# (./pigeonhole train) and the predict function built (./pigeonhole serve builds it).
#   bench/upload-load.sh [seconds=30] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
port=${PORT:-18080}
work=$(mktemp -d)

# No per-address limits: wrk sends everything from one address.
PIGEONHOLE_PREDICT_RATE_PER_SECOND=0 PIGEONHOLE_UPLOAD_RATE_PER_SECOND=0 PREDICT_PORT=$port ./pigeonhole serve predict >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make-pdf.py "$work/report.pdf" 1048576 5
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
status=$(curl -s -o "$work/first.json" -w '%{http_code}' -F "file=@$work/report.pdf;type=application/pdf" \
  "http://127.0.0.1:$port/upload")
[ "$status" = 200 ] || { echo "upload answered $status: $(cat "$work/first.json")"; exit 1; }
# JIT warm-up.
UPLOAD_FILE="$work/report.pdf" wrk -t2 -c"$connections" -d5s --timeout 60s -s bench/upload.lua \
  "http://127.0.0.1:$port/upload" >/dev/null

(
  end=$((SECONDS + seconds))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/health" || echo "000 10"
    sleep 0.2
  done
) >"$work/health.txt" &
health=$!
echo "== /upload of a $(stat -c %s "$work/report.pdf")-byte PDF: wrk -t2 -c$connections -d${seconds}s --timeout 60s --latency"
UPLOAD_FILE="$work/report.pdf" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s --latency -s bench/upload.lua \
  "http://127.0.0.1:$port/upload" | tee "$work/wrk.txt"
wait $health
sort -k2 -n "$work/health.txt" | awk '{ n++; if ($1 != 200) bad++; t[n] = $2 }
  END { printf "== /health during the run: %d checks, %d not 200, median %.1f ms, max %.1f ms\n",
        n, bad, t[int((n + 1) / 2)] * 1000, t[n] * 1000 }'
if grep -qE 'Non-2xx|Socket errors' "$work/wrk.txt" || awk '$1 != 200' "$work/health.txt" | grep -q .; then
  echo "FAILED: an upload or a health check was not answered 200"
  exit 1
fi
echo "every upload and every health check answered 200"
