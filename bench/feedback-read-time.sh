#!/usr/bin/env bash
# How long the retrain job takes to read N feedback records on Azurite (or s3proxy): one GET after the other
# (before segments), 16 GETs at a time (records no segment holds yet), and from segments after compaction
# (shared/training/src/test/java/dev/pigeonhole/feedback/FeedbackReadTimeTest.java).
#   bench/feedback-read-time.sh [records=100000]
# READ_SERVER=s3proxy measures on s3proxy instead of Azurite. AZURITE_IN_MEMORY=1 starts Azurite with
# --inMemoryPersistence. Azurite slows as a container grows: 100,000 records could not be written in a session here.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-100000}
./mvnw -o -B -pl shared/training -am -Dtest=FeedbackReadTimeTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpigeonhole.bench.feedback-records="$records" -Dpigeonhole.azurite.in-memory="${AZURITE_IN_MEMORY:+true}" \
  -Dpigeonhole.bench.feedback-server="${READ_SERVER:-azurite}" test 2>&1 | grep -E "feedback read time|FAIL|BUILD"
