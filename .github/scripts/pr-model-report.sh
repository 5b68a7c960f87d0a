#!/usr/bin/env bash
# Trains a model from the reference data into a scratch store and posts its report (held-out metrics, the per-class
# table and the confusion matrix, report.md) as a comment on the pull request, as CML does.
#
# usage: pr-model-report.sh PR_NUMBER
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: pr-model-report.sh PR_NUMBER" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
store="$root/target/pr-model-store"
rm -rf "$store"
version=$(PIGEONHOLE_STORE="file:$store" "$root/pigeonhole" train --channel pr | tail -n 1)
report="$store/models/$version/report.md"
[ -f "$report" ] || { echo "pr-model-report: no report at $report" >&2; exit 1; }
body=$(mktemp)
{
  echo "## Model report for ${GITHUB_SHA:-this change}"
  echo
  echo "Trained by CI from \`data/20news/train.jsonl.gz\`; figures are on the held-out 20 %."
  echo
  cat "$report"
} >"$body"
gh pr comment "$1" --body-file "$body"
