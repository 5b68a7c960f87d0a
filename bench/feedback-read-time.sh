#!/usr/bin/env bash
# How long the retrain job takes to read N feedback records on Azurite: one GET after the other (before segments),
# 16 GETs at a time (records no segment holds yet), and from segments after compaction
# (shared/training/src/test/java/dev/pigeonhole/feedback/FeedbackReadTimeTest.java).
#   bench/feedback-read-time.sh [records=100000]
# AZURITE_IN_MEMORY=1 starts Azurite with --inMemoryPersistence: with its data on disk, the emulator rewrites its whole
# metadata file as it grows, and writing 100,000 records takes hours.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-100000}
./mvnw -o -B -pl shared/training -am -Dtest=FeedbackReadTimeTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpigeonhole.bench.feedback-records="$records" -Dpigeonhole.azurite.in-memory="${AZURITE_IN_MEMORY:+true}" test 2>&1 | grep -E "feedback read time|FAIL|BUILD"
