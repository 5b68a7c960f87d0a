#!/usr/bin/env bash
# The feedback function's cold start with and without decoding the model: launch of `./pigeonhole serve feedback` to
# the first 202 of POST /feedback (wall time, and the CPU time of its JVM until then), RUNS times each, interleaved, with pigeonhole.manifest-only true (what it ships
# with: labels from the manifest) and false (the model decoded at start-up, as before). Prints the medians.
# Needs the feedback jar and a model on channel production in PIGEONHOLE_STORE (./pigeonhole serve once); the
# feedback goes to a copy of the served version in a temporary store.
#   RUNS=7 bench/feedback-cold-start.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
STORE="${PIGEONHOLE_STORE:-file:.pigeonhole/store}"
STORE="${STORE#file:}"
case "$STORE" in /*) ;; *) STORE="$ROOT/$STORE" ;; esac
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
VERSION="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$STORE/channels/production.json")"
mkdir -p "$WORK/store/models" "$WORK/store/channels"
cp -r "$STORE/models/$VERSION" "$WORK/store/models/"
cp "$STORE/channels/production.json" "$WORK/store/channels/"
KEY="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export PIGEONHOLE_STORE="file:$WORK/store" PIGEONHOLE_CHANNEL=production PIGEONHOLE_REFRESH_SECONDS=0
DIGEST="$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)"
export PIGEONHOLE_API_KEYS="bench:$DIGEST"
unset APPLICATIONINSIGHTS_CONNECTION_STRING

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run MANIFEST_ONLY(true|false) INDEX
run() {
  local manifest_only=$1 i=$2 port start pid code
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  start=$(date +%s%3N)
  PIGEONHOLE_MANIFEST_ONLY=$manifest_only FEEDBACK_PORT=$port PIGEONHOLE_JAVA_OPTS="-Djava.io.tmpdir=$WORK" \
    "$ROOT/pigeonhole" serve feedback >"$WORK/feedback.log" 2>&1 &
  pid=$!
  until code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $KEY" \
          --data "{\"text\":\"the probe reached orbit\",\"predicted_label\":\"$LABEL\",\"true_label\":\"$LABEL\",\"prediction_id\":\"cold-$manifest_only-$i\"}" \
          "http://127.0.0.1:$port/feedback")" && [ "$code" = 202 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the feedback function exited:" >&2; cat "$WORK/feedback.log" >&2; exit 1; fi
    if [ $(( $(date +%s%3N) - start )) -gt 120000 ]; then echo "no 202 within 120 s (last: $code)" >&2; kill "$pid"; exit 1; fi
    sleep 0.02
  done
  echo $(( $(date +%s%3N) - start )) >> "$WORK/$manifest_only.ms"
  # The launcher execs the JVM: its CPU time so far, less sensitive to a busy machine than the wall time.
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" >> "$WORK/$manifest_only.cpu"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

LABEL="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["labels"][0])' "$WORK/store/models/$VERSION/manifest.json")"
echo "feedback function ($VERSION), launch to the first 202 of POST /feedback; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run true warm; run false warm
rm -f "$WORK"/*.ms "$WORK"/*.cpu
for i in $(seq "$RUNS"); do run true "$i"; run false "$i"; done
for manifest_only in true false; do
  printf 'manifest-only %-5s  median of %s: %6s ms wall, %6s ms CPU   (all runs, wall: %s; CPU: %s)\n' \
    "$manifest_only" "$RUNS" "$(median < "$WORK/$manifest_only.ms")" "$(median < "$WORK/$manifest_only.cpu")" \
    "$(tr '\n' ' ' < "$WORK/$manifest_only.ms")" "$(tr '\n' ' ' < "$WORK/$manifest_only.cpu")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
