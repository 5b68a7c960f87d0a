#!/usr/bin/env bash
# What attaching the Application Insights Java agent costs at JVM start.
# Runs a trivial main (and the retrain job's --version, when its jar is built) RUNS times without and
# with -javaagent, and prints the median wall time to main() and to exit, and the CPU time, in ms.
# Then the feedback function, as `./pigeonhole serve feedback` starts it, without and with the agent (with a
# connection string the launcher attaches it): the median wall time from launch to the first answered
# POST /feedback (202), and the CPU time its JVM used until then. That part needs the feedback jar and a model in the store (./pigeonhole serve once);
# its feedback goes to a copy of the served version in a temporary store.
# The agent is pointed at a closed port on 127.0.0.1, with statsbeat and live metrics off, so the run
# sends nothing anywhere.
#   bench/agent-cold-start.sh            (RUNS=5 by default; RUNS=9 bench/agent-cold-start.sh for more)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
AGENT="$ROOT/feedback-function/target/applicationinsights-agent/applicationinsights-agent.jar"
AGENT_VERSION="$(sed -n 's:.*<applicationinsights.version>\(.*\)</applicationinsights.version>.*:\1:p' "$ROOT/pom.xml")"
if [ ! -f "$AGENT" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl feedback-function dependency:copy@copy-applicationinsights-agent >&2)
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/Trivial.java" <<'JAVA'
public class Trivial {
    public static void main(String[] args) {
        System.out.println("main " + System.currentTimeMillis());
    }
}
JAVA
javac -d "$WORK" "$WORK/Trivial.java"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
export APPLICATIONINSIGHTS_CONNECTION_STRING="InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:$PORT/"
export APPLICATIONINSIGHTS_CONFIGURATION_CONTENT='{"preview":{"liveMetrics":{"enabled":false},"statsbeat":{"disabled":true}},"internal":{"statsbeat":{"disabledAll":true}},"selfDiagnostics":{"destination":"console","level":"ERROR"}}'

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

# Variants run interleaved (one run of each per round) so that a load change hits all of them alike.
LABELS=(); COMMANDS=()
variant() { LABELS+=("$1"); shift; COMMANDS+=("$(printf '%q ' "$@")"); }

# run INDEX: one timed run of a variant; wall ms to main() (when it prints it), to exit, and CPU ms.
run() {
  local i=$1 start end out
  touch "$WORK/$i.main"
  start=$(date +%s%3N)
  if [ -x /usr/bin/time ]; then
    out=$(eval /usr/bin/time -f "'%U %S'" -o "$WORK/cpu" java -Djava.io.tmpdir="$WORK" "${COMMANDS[$i]}" 2>/dev/null)
    awk '{printf "%d\n", ($1 + $2) * 1000}' "$WORK/cpu" >> "$WORK/$i.cpu"
  else
    out=$(eval java -Djava.io.tmpdir="$WORK" "${COMMANDS[$i]}" 2>/dev/null)
  fi
  end=$(date +%s%3N)
  echo $((end - start)) >> "$WORK/$i.exit"
  if [[ "$out" =~ main\ ([0-9]+) ]]; then echo $((BASH_REMATCH[1] - start)) >> "$WORK/$i.main"; fi
}

variant "trivial main" -cp "$WORK" Trivial
variant "trivial main + agent" -javaagent:"$AGENT" -cp "$WORK" Trivial

JOB="$(find "$ROOT/retrain-job/target" -maxdepth 1 -name 'pigeonhole-retrain-job-*.jar' ! -name 'original-*' 2>/dev/null | head -n 1)"
if [ -n "$JOB" ]; then
  variant "retrain-job --version" -jar "$JOB" --version
  variant "retrain-job --version + agent" -javaagent:"$AGENT" -jar "$JOB" --version
else
  echo "(retrain-job jar not built: ./mvnw -B -q -pl retrain-job -am package -DskipTests to include it)"
fi

echo "java: $(java -version 2>&1 | head -n 1); agent: $AGENT_VERSION; runs: $RUNS each, interleaved; load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
for _ in $(seq "$RUNS"); do
  for i in "${!LABELS[@]}"; do run "$i"; done
done
printf '%-34s %12s %12s %12s\n' "median of $RUNS" "to main() ms" "to exit ms" "CPU ms"
for i in "${!LABELS[@]}"; do
  printf '%-34s %12s %12s %12s\n' "${LABELS[$i]}" "$(median < "$WORK/$i.main")" \
    "$(median < "$WORK/$i.exit")" "$( [ -f "$WORK/$i.cpu" ] && median < "$WORK/$i.cpu" || echo -)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"

FEEDBACK_JAR="$(find "$ROOT/feedback-function/target" -maxdepth 1 -name 'pigeonhole-feedback-function-*.jar' ! -name 'original-*' ! -name '*-tests.jar' ! -name '*-libs.jar' 2>/dev/null | head -n 1)"
STORE="${PIGEONHOLE_STORE:-file:.pigeonhole/store}"
STORE="${STORE#file:}"
case "$STORE" in /*) ;; *) STORE="$ROOT/$STORE" ;; esac
if [ -z "$FEEDBACK_JAR" ] || [ ! -f "$STORE/channels/production.json" ]; then
  echo "(feedback function left out: it needs its jar and a model on channel production in $STORE; ./pigeonhole serve once)"
  exit 0
fi
VERSION="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$STORE/channels/production.json")"
mkdir -p "$WORK/store/models" "$WORK/store/channels"
cp -r "$STORE/models/$VERSION" "$WORK/store/models/"
cp "$STORE/channels/production.json" "$WORK/store/channels/"
KEY="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
DIGEST="$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)"
export PIGEONHOLE_STORE="file:$WORK/store" PIGEONHOLE_CHANNEL=production PIGEONHOLE_REFRESH_SECONDS=0
export PIGEONHOLE_API_KEYS="bench:$DIGEST"
# The configuration the function ships, plus what keeps the agent on loopback (it replaces the one the launcher names).
python3 - "$ROOT/feedback-function/src/main/applicationinsights/applicationinsights.json" "$WORK/applicationinsights.json" <<'PY'
import json, sys
configuration = json.load(open(sys.argv[1]))
configuration.setdefault("preview", {}).update({"liveMetrics": {"enabled": False}, "statsbeat": {"disabled": True}})
configuration.setdefault("internal", {})["statsbeat"] = {"disabledAll": True}
json.dump(configuration, open(sys.argv[2], "w"))
PY

# feedback_run AGENT(0|1) INDEX: launch ./pigeonhole serve feedback and time it to the first 202 of POST /feedback;
# the launcher execs the JVM, so the process started is the JVM, and its CPU time is read from /proc at that moment.
feedback_run() {
  local agent=$1 i=$2 port start pid code
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  start=$(date +%s%3N)
  (
    unset APPLICATIONINSIGHTS_CONFIGURATION_CONTENT
    if [ "$agent" = 1 ]; then export APPLICATIONINSIGHTS_CONFIGURATION_FILE="$WORK/applicationinsights.json"
    else unset APPLICATIONINSIGHTS_CONNECTION_STRING; fi
    FEEDBACK_PORT=$port PIGEONHOLE_JAVA_OPTS="-Djava.io.tmpdir=$WORK" exec "$ROOT/pigeonhole" serve feedback
  ) >"$WORK/feedback.log" 2>&1 &
  pid=$!
  until code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $KEY" \
          --data "{\"text\":\"the probe reached orbit\",\"predicted_label\":\"Sport\",\"true_label\":\"Science\",\"prediction_id\":\"cold-$agent-$i\"}" \
          "http://127.0.0.1:$port/feedback")" && [ "$code" = 202 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the feedback function exited:" >&2; cat "$WORK/feedback.log" >&2; exit 1; fi
    if [ $(( $(date +%s%3N) - start )) -gt 120000 ]; then echo "no 202 within 120 s (last: $code)" >&2; kill "$pid"; exit 1; fi
    sleep 0.02
  done
  echo $(( $(date +%s%3N) - start )) >> "$WORK/feedback-$agent.ms"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" >> "$WORK/feedback-$agent.cpu"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "feedback function ($VERSION), launch to the first 202 of POST /feedback; load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
# One untimed run of each first: the run without the agent writes the launcher's class-data archive, as a first
# ./pigeonhole serve does; both fill the page cache.
feedback_run 0 warm; feedback_run 1 warm
rm -f "$WORK"/feedback-*.ms "$WORK"/feedback-*.cpu
for i in $(seq "$RUNS"); do feedback_run 0 "$i"; feedback_run 1 "$i"; done
printf '%-34s %12s %12s   %s\n' "median of $RUNS" "to 202 ms" "CPU ms" "(all runs: wall ms)"
for agent in 0 1; do
  printf '%-34s %12s %12s   %s\n' "feedback function$([ "$agent" = 1 ] && echo ' + agent')" \
    "$(median < "$WORK/feedback-$agent.ms")" "$(median < "$WORK/feedback-$agent.cpu")" "$(tr '\n' ' ' < "$WORK/feedback-$agent.ms")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
