#!/usr/bin/env bash
# Retrain time on the full reference data: a throw-away store holding a copy of the served model,
# 100 corrections recorded through the feedback function (k=100, so one retrain request), then
# `./pigeonhole retrain` timed.
#   bench/retrain-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18082}
store=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$store"' EXIT
mkdir -p "$store/channels" "$store/models"
version=$(sed -E 's/^[{]"channel":"[^"]*","version":"([^"]+)".*/\1/' .pigeonhole/store/channels/production.json)
cp -r ".pigeonhole/store/models/$version" "$store/models/"
cp .pigeonhole/store/channels/production.json "$store/channels/"
created=$(./pigeonhole keys create bench 2>/dev/null)
key=$(printf '%s\n' "$created" | sed -n 's/^key: *//p')
PIGEONHOLE_API_KEYS=$(printf '%s\n' "$created" | sed -n 's/^entry: *//p') PIGEONHOLE_FEEDBACK_RATE_PER_SECOND=0 \
  PIGEONHOLE_STORE="file:$store" FEEDBACK_PORT=$port PIGEONHOLE_RETRAIN_EVERY=100 ./pigeonhole serve feedback >/dev/null 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
labels=(Automobile Commerce Informatique Politique Religion Science Sport)
for i in $(seq 1 100); do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -H "X-API-Key: $key" \
    -d "{\"text\":\"correction number $i about a hockey game and a space probe\",\"predicted_label\":\"Science\",\"true_label\":\"${labels[$((i % 7))]}\"}" \
    "http://127.0.0.1:$port/feedback"
done
kill $pid; wait $pid 2>/dev/null || true
echo "== ./pigeonhole retrain (full 20news reference + 100 corrections)"
time PIGEONHOLE_STORE="file:$store" ./pigeonhole retrain 2>&1 | grep -vE 'BFGS' | tail -12
