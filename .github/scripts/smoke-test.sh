#!/usr/bin/env bash
# Smoke test of a deployed (or local) predict function:
#   1. GET /health until it answers 200 with model_loaded true: the time that took is the cold start;
#   2. classifies a labelled sample with POST /predict/batch: accuracy must reach the threshold;
#   3. times sequential POST /predict requests: p50 and p95 latency;
#   4. with --feedback FEEDBACK_URL, sends one feedback (a confirmation of the sample's first text, so no bad
#      prediction) with the API key in $SMOKE_API_KEY (and the function key in $FUNCTIONS_KEY on Azure): it must be
#      answered 202; its feedback id is written out (check-feedback-record.sh then finds its record in the store).
# Writes the figures as JSON (--out) and, on GitHub Actions, as a table in the job summary. Exit 1 when a check fails.
#
# usage: smoke-test.sh BASE_URL [--sample FILE] [--threshold 0.85] [--requests 50] [--timeout 300] [--out FILE]
#                      [--feedback FEEDBACK_URL]
#   e.g. .github/scripts/smoke-test.sh http://127.0.0.1:8080      (against ./pigeonhole serve)
set -euo pipefail

die() { printf 'smoke-test: %s\n' "$*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: smoke-test.sh BASE_URL [--sample FILE] [--threshold T] [--requests N] [--timeout S] [--out FILE]"
base=${1%/}
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sample="$root/data/smoke/20news-sample.jsonl"
threshold=0.85
requests=50
timeout=300
out=smoke-results.json
batch=20
feedback_url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --feedback) feedback_url=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) die "unknown option '$1'" ;;
  esac
done
[ -f "$sample" ] || die "no labelled sample at $sample"
command -v jq >/dev/null || die "jq is needed"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Health and cold start.
start=$(now)
deadline=$(awk -v s="$start" -v t="$timeout" 'BEGIN { printf "%d", s + t }')
health_status=000
while :; do
  health_status=$(curl -sS -o "$work/health.json" -w '%{http_code}' --max-time 60 "$base/health" || echo 000)
  if [ "$health_status" = 200 ] && [ "$(jq -r '.model_loaded' "$work/health.json")" = true ]; then
    break
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    break
  fi
  sleep 2
done
cold_start=$(elapsed "$start" "$(now)")
model_loaded=$(jq -r '.model_loaded // false' "$work/health.json" 2>/dev/null || echo false)
model_version=$(jq -r '.model_version // ""' "$work/health.json" 2>/dev/null || echo "")
echo "smoke-test: health $health_status, model_loaded $model_loaded, version '$model_version', ready after ${cold_start}s"

# 2. Accuracy on the labelled sample, in batches.
total=0
correct=0
if [ "$model_loaded" = true ]; then
  jq -c '.category' "$sample" >"$work/labels"
  split -l "$batch" -d -a 4 "$sample" "$work/batch-"
  for part in "$work"/batch-*; do
    jq -s '{texts: map(.text)}' "$part" >"$work/request.json"
    status=$(curl -sS -o "$work/answer.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
      --data-binary "@$work/request.json" "$base/predict/batch" || echo 000)
    [ "$status" = 200 ] || { echo "smoke-test: POST /predict/batch answered $status: $(head -c 300 "$work/answer.json" 2>/dev/null)" >&2; exit 1; }
    jq -c '.predictions[].category_name' "$work/answer.json" >>"$work/predicted"
  done
  total=$(wc -l <"$work/labels")
  correct=$(paste -d ' ' "$work/labels" "$work/predicted" | awk '$1 == $2' | wc -l)
fi
accuracy=$(awk -v c="$correct" -v t="$total" 'BEGIN { printf "%.4f", (t > 0 ? c / t : 0) }')
echo "smoke-test: accuracy $accuracy ($correct of $total), threshold $threshold"

# 3. Warm latency of single predictions.
p50=0
p95=0
if [ "$model_loaded" = true ]; then
  head -n "$requests" "$sample" | jq -c '{text: .text}' >"$work/singles"
  while IFS= read -r body; do
    curl -sS -o /dev/null -w '%{time_total}\n' --max-time 30 -H 'Content-Type: application/json' \
      --data-binary "$body" "$base/predict" >>"$work/times"
  done <"$work/singles"
  sort -g "$work/times" >"$work/sorted"
  count=$(wc -l <"$work/sorted")
  p50=$(awk -v n="$count" 'NR == int((n * 50 + 99) / 100) { printf "%.3f", $1 }' "$work/sorted")
  p95=$(awk -v n="$count" 'NR == int((n * 95 + 99) / 100) { printf "%.3f", $1 }' "$work/sorted")
  echo "smoke-test: latency over $count requests: p50 ${p50}s, p95 ${p95}s"
fi

# 4. One feedback with a key.
feedback_status=0
feedback_id=""
if [ -n "$feedback_url" ] && [ "$model_loaded" = true ]; then
  [ -n "${SMOKE_API_KEY:-}" ] || die "--feedback needs the smoke client's API key in SMOKE_API_KEY"
  head -n 1 "$sample" | jq -c --arg id "smoke-${GITHUB_RUN_ID:-local}-$(date +%s)" --arg version "$model_version" \
    '{text: .text, predicted_label: .category, true_label: .category, prediction_id: $id, model_version: $version}' \
    >"$work/feedback.json"
  headers=(-H 'Content-Type: application/json' -H "X-API-Key: $SMOKE_API_KEY")
  if [ -n "${FUNCTIONS_KEY:-}" ]; then
    headers+=(-H "x-functions-key: $FUNCTIONS_KEY")
  fi
  feedback_status=$(curl -sS -o "$work/feedback-answer.json" -w '%{http_code}' --max-time 60 "${headers[@]}" \
    --data-binary "@$work/feedback.json" "$feedback_url" || echo 000)
  feedback_id=$(jq -r '.feedback_id // ""' "$work/feedback-answer.json" 2>/dev/null || echo "")
  echo "smoke-test: feedback answered $feedback_status, feedback_id '$feedback_id'"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "feedback_id=$feedback_id" >>"$GITHUB_OUTPUT"
  fi
fi

passed=true
reasons=()
if [ -n "$feedback_url" ] && { [ "$feedback_status" != 202 ] || [ -z "$feedback_id" ]; }; then
  passed=false
  reasons+=("feedback answered $feedback_status: $(head -c 300 "$work/feedback-answer.json" 2>/dev/null)")
fi
if [ "$health_status" != 200 ] || [ "$model_loaded" != true ]; then
  passed=false
  reasons+=("health answered $health_status with model_loaded $model_loaded")
fi
if awk -v a="$accuracy" -v t="$threshold" 'BEGIN { exit !(a < t) }'; then
  passed=false
  reasons+=("accuracy $accuracy is below $threshold")
fi

jq -n --arg url "$base" --arg status "$health_status" --argjson loaded "$model_loaded" --arg version "$model_version" \
  --argjson cold "$cold_start" --argjson accuracy "$accuracy" --argjson correct "$correct" --argjson total "$total" \
  --argjson threshold "$threshold" --argjson p50 "$p50" --argjson p95 "$p95" --argjson passed "$passed" \
  --arg reasons "$(IFS='; '; echo "${reasons[*]:-}")" --arg feedback_id "$feedback_id" \
  '{url: $url, health_status: ($status | tonumber), model_loaded: $loaded, model_version: $version,
    cold_start_seconds: $cold, accuracy: $accuracy, correct: $correct, total: $total, threshold: $threshold,
    latency_p50_seconds: $p50, latency_p95_seconds: $p95, feedback_id: $feedback_id, passed: $passed,
    failures: $reasons}' >"$out"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### Smoke test of $base"
    echo
    echo "| check | value |"
    echo "|---|---|"
    echo "| health | $health_status, model_loaded $model_loaded, version \`$model_version\` |"
    echo "| cold start (until healthy) | ${cold_start} s |"
    echo "| accuracy on the labelled sample | $accuracy ($correct / $total), threshold $threshold |"
    echo "| latency p50 / p95 | ${p50} s / ${p95} s |"
    echo "| result | $([ "$passed" = true ] && echo passed || echo "FAILED: ${reasons[*]}") |"
  } >>"$GITHUB_STEP_SUMMARY"
fi

if [ "$passed" != true ]; then
  echo "smoke-test: FAILED: ${reasons[*]}" >&2
  exit 1
fi
echo "smoke-test: passed"
