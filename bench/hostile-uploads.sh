#!/usr/bin/env bash
# Uploads built to exhaust memory, small on the wire (bench/make-hostile.py): 8 connections post a 1.2 MB DOCX whose
# document part inflates to 30 MB of XML for SECONDS, then 1 MB of unmatched '[a' as Markdown, then a 98 KB PDF of
# fifty million numbers without an operator, then a 409 KB PDF whose embedded font inflates to 400 MB, SECONDS each, to
# ./pigeonhole serve predict (default limits, -Xmx512m), while /health and a /predict are asked every 0.2 s.
# Prints the upload answers by status, the checks that were not 200, the server's peak RSS and whether its log holds
# an OutOfMemoryError. Needs a model in the store (./pigeonhole train) and the predict function built.
#   [KINDS="docx md pdf font"] bench/hostile-uploads.sh [seconds=20] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-8}
port=${PORT:-18080}
work=$(mktemp -d)

# No per-address limits: wrk sends everything from one address.
PIGEONHOLE_PREDICT_RATE_PER_SECOND=0 PIGEONHOLE_UPLOAD_RATE_PER_SECOND=0 PREDICT_PORT=$port ./pigeonhole serve predict >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make-hostile.py "$work/hostile.docx" docx
python3 bench/make-hostile.py "$work/hostile.md" md
python3 bench/make-hostile.py "$work/hostile.pdf" pdf
python3 bench/make-hostile.py "$work/hostile-font.pdf" font
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @bench/body.json \
    "http://127.0.0.1:$port/predict"; do
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
server_pid=$(pgrep -P "$pid" java || echo "$pid")

(
  while :; do
    curl -s -o /dev/null -m 10 -w 'health %{http_code} %{time_total}\n' "http://127.0.0.1:$port/health" || echo "health 000 10"
    curl -s -o /dev/null -m 10 -w 'predict %{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      --data-binary @bench/body.json "http://127.0.0.1:$port/predict" || echo "predict 000 10"
    sleep 0.2
  done
) >"$work/checks.txt" &
checks=$!
for kind in ${KINDS:-docx md pdf font}; do
  file=$work/hostile.$kind
  [ "$kind" = font ] && file=$work/hostile-font.pdf
  echo "== /upload of a $(stat -c %s "$file")-byte hostile $kind: wrk -t2 -c$connections -d${seconds}s --timeout 30s"
  UPLOAD_FILE="$file" UPLOAD_NAME="${file##*/}" UPLOAD_TYPE=application/octet-stream \
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s bench/upload.lua "http://127.0.0.1:$port/upload" \
    | grep -E 'requests in|Latency|status|Socket errors'
done
kill $checks
for check in health predict; do
  awk -v c="$check" '$1 == c { n++; if ($2 != 200) bad++; if ($3 > max) max = $3 }
    END { printf "== /%s during the run: %d checks, %d not 200, slowest %.0f ms\n", c, n, bad, max * 1000 }' \
    "$work/checks.txt"
done
grep -E 'VmHWM' "/proc/$server_pid/status"
echo "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$work/server.log" || true)"
