#!/usr/bin/env bash
# Feedback throughput: wrk on loopback against the feedback function with a throw-away store that
# holds a copy of the served model, so the benchmark never writes into .pigeonhole/store.
#   bench/feedback-load.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=${PORT:-18081}
store=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$store"' EXIT
mkdir -p "$store/channels" "$store/models"
channel=$(cat .pigeonhole/store/channels/production.json)
version=$(printf '%s' "$channel" | sed -E 's/^[{]"channel":"[^"]*","version":"([^"]+)".*/\1/')
cp -r ".pigeonhole/store/models/$version" "$store/models/"
cp .pigeonhole/store/channels/production.json "$store/channels/"
# A key of its own, and no per-client rate limit: the benchmark measures the function, not the limiter.
created=$(./pigeonhole keys create bench 2>/dev/null)
PIGEONHOLE_BENCH_API_KEY=$(printf '%s\n' "$created" | sed -n 's/^key: *//p')
export PIGEONHOLE_BENCH_API_KEY
PIGEONHOLE_API_KEYS=$(printf '%s\n' "$created" | sed -n 's/^entry: *//p') PIGEONHOLE_FEEDBACK_RATE_PER_SECOND=0 \
  PIGEONHOLE_STORE="file:$store" FEEDBACK_PORT=$port ./pigeonhole serve feedback >/tmp/pigeonhole-feedback-load.log 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
wrk -t2 -c16 -d3s -s bench/feedback.lua "http://127.0.0.1:$port/feedback" >/dev/null
before=$(find "$store/feedback/records" -type f | wc -l)
echo "== feedback: wrk -t2 -c16 -d${seconds}s --latency"
wrk -t2 -c16 -d"${seconds}s" --latency -s bench/feedback.lua "http://127.0.0.1:$port/feedback"
after=$(find "$store/feedback/records" -type f | wc -l)
echo "records stored during the run: $((after - before)); retrain requests in the store: $(find "$store/retrain-requests" -maxdepth 1 -name '*.json' | wc -l)"
