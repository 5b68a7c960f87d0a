#!/usr/bin/env bash
# What unguessable prediction ids cost under load: the built predict jar with its SecureRandom (DRBG) ids against the
# same jar with the ThreadLocalRandom ids of before (that one class swapped in), alternating, with bench/http-load.sh.
#   bench/prediction-ids-ab.sh [rounds=2] [seconds=15]     (after ./mvnw -B -pl predict-function -am package -DskipTests,
#                                                           with PIGEONHOLE_STORE naming a store with a model)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
seconds=${2:-15}
jar=$(find predict-function/target -maxdepth 1 -name 'pigeonhole-predict-function-*.jar' ! -name '*-tests.jar' ! -name '*-libs.jar' | head -1)
work=$(mktemp -d)
trap 'cp "$work/new.jar" "$jar"; rm -rf "$work"' EXIT
cp "$jar" "$work/new.jar"
cp "$jar" "$work/old.jar"
git show 0495cad:predict-function/src/main/java/dev/pigeonhole/predict/PredictionIds.java > "$work/PredictionIds.java"
javac -cp "$jar" -d "$work/classes" "$work/PredictionIds.java"
(cd "$work/classes" && jar uf "$work/old.jar" dev/pigeonhole/predict/PredictionIds.class)
for round in $(seq "$rounds"); do
  for variant in old new; do
    cp "$work/$variant.jar" "$jar"
    echo "== round $round, $variant ids ($(cut -d' ' -f1-3 /proc/loadavg) load)"
    bash bench/http-load.sh pigeonhole "$seconds" >"$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
    grep -E 'Requests/sec|50%|99%|CPU per request' "$work/run.log"
  done
done
