#!/usr/bin/env bash
# Feedback at fleet scale: a burst of corrections from many senders at once against the feedback function's jar, on
# the local store, Azurite and s3proxy (loop/src/test/java/dev/pigeonhole/loop/FeedbackFleetIT.java at full size).
# Checks what it measures: no 5xx, every accepted feedback stored once, exactly floor(N/k) retrain requests (k = 100)
# once the retrain job's reconciliation ran. Prints one line per store: feedbacks/s, p50, p99, statuses.
#   bench/feedback-fleet.sh [feedbacks=10000] [senders=200] [corrections per request=1, more: POST /feedback/batch]
# FLEET_JAR=path/to/pigeonhole-feedback-function.jar measures another build of the function (e.g. an older one);
# FLEET_STORE=TheLocalStore, Azurite or S3proxy runs one store only; AZURITE_IN_MEMORY=1 starts Azurite with
# --inMemoryPersistence (no disk writes in the emulator).
# Builds the jars first (./mvnw verify of loop and what it needs, other tests skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
feedbacks=${1:-10000}
senders=${2:-200}
per_request=${3:-1}
jar=()
if [ -n "${FLEET_JAR:-}" ]; then jar=("-Dpigeonhole.fleet.jar=$(cd "$(dirname "$FLEET_JAR")" && pwd)/$(basename "$FLEET_JAR")"); fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! ./mvnw -o -B -pl loop -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="FeedbackFleetIT${FLEET_STORE:+#aBurstOn$FLEET_STORE}" -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dpigeonhole.fleet.feedbacks="$feedbacks" -Dpigeonhole.fleet.senders="$senders" \
    -Dpigeonhole.fleet.per-request="$per_request" "${jar[@]}" \
    -Dpigeonhole.azurite.in-memory="${AZURITE_IN_MEMORY:+true}" >"$log" 2>&1; then
  grep -E "feedbacks in|request\(s\)|FAIL|expected" "$log" || tail -n 40 "$log"
  exit 1
fi
grep -E "feedbacks in|request\(s\)" "$log"
