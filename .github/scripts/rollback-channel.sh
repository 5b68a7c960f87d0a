#!/usr/bin/env bash
# Moves the production channel of the store in $PIGEONHOLE_STORE back to its previous version, from the channel
# history, with the retrain job's rollback command. The functions adopt it within PIGEONHOLE_REFRESH_SECONDS.
# Cloud credentials come from the environment (azure/login or aws-actions/configure-aws-credentials).
#
# usage: rollback-channel.sh [--channel C] [--if-current VERSION] [--to VERSION]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[ -n "${PIGEONHOLE_STORE:-}" ] || { echo "rollback-channel: set PIGEONHOLE_STORE to the deployed store" >&2; exit 2; }
jar=$(find "$root/retrain-job/target" -maxdepth 1 -name 'pigeonhole-retrain-job-*.jar' ! -name 'original-*' | head -n 1)
[ -n "$jar" ] || { echo "rollback-channel: build the retrain job first (./mvnw -B package)" >&2; exit 2; }
java -jar "$jar" rollback "$@"
