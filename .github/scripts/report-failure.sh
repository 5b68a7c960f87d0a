#!/usr/bin/env bash
# Opens a GitHub issue saying which deployment failed, with the smoke test's figures and what was rolled back.
# CODE_BACK and CHANNEL_BACK are the outcomes of the workflow's rollback steps ('success' when that step ran and
# worked, 'failure', or 'skipped' / empty when it did not run).
#
# usage: report-failure.sh CLOUD CODE_BACK CHANNEL_BACK [SMOKE_RESULTS.json ...]
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: report-failure.sh CLOUD CODE_BACK CHANNEL_BACK [SMOKE_RESULTS.json ...]" >&2; exit 2; }
cloud=$1
case "$2" in
  success) rollback="the code: production runs the previous release again" ;;
  failure) rollback="nothing: rolling the code back FAILED, production needs a hand" ;;
  *) rollback="nothing: production was not touched (the failure came before it)" ;;
esac
case "$3" in
  success) rollback="$rollback; the production channel moved back to its previous model version" ;;
  failure) rollback="$rollback; moving the production channel back FAILED" ;;
esac
shift 3
sha=${GITHUB_SHA:-unknown}
run="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
body=$(mktemp)
{
  echo "The deployment of \`$sha\` to $cloud failed: [workflow run]($run)."
  echo
  echo "**Rolled back:** $rollback"
  echo
  for results in "$@"; do
    [ -f "$results" ] || continue
    jq -r '"### Smoke test of \(.url)\n\n| check | value |\n|---|---|\n" +
      "| health | \(.health_status), model_loaded \(.model_loaded), version `\(.model_version)` |\n" +
      "| cold start (until healthy) | \(.cold_start_seconds) s |\n" +
      "| accuracy on the labelled sample | \(.accuracy) (\(.correct) / \(.total)), threshold \(.threshold) |\n" +
      "| latency p50 / p95 | \(.latency_p50_seconds) s / \(.latency_p95_seconds) s |\n" +
      "| result | \(if .passed then "passed" else "FAILED: " + .failures end) |\n"' "$results"
  done
} >"$body"
gh issue create --title "Deploy to $cloud failed its smoke test (${sha:0:7})" --body-file "$body" --label deploy-failure \
  || gh issue create --title "Deploy to $cloud failed its smoke test (${sha:0:7})" --body-file "$body"
