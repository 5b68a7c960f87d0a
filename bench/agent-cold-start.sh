#!/usr/bin/env bash
# What attaching the Application Insights Java agent costs at JVM start.
# Runs a trivial main (and the retrain job's --version, when its jar is built) RUNS times without and
# with -javaagent, and prints the median wall time to main() and to exit, and the CPU time, in ms.
# The agent is pointed at a closed port on 127.0.0.1, with statsbeat and live metrics off, so the run
# sends nothing anywhere.
#   bench/agent-cold-start.sh            (RUNS=5 by default; RUNS=9 bench/agent-cold-start.sh for more)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
AGENT="$ROOT/shared/target/applicationinsights-agent/applicationinsights-agent.jar"
AGENT_VERSION="$(sed -n 's:.*<applicationinsights.version>\(.*\)</applicationinsights.version>.*:\1:p' "$ROOT/pom.xml")"
if [ ! -f "$AGENT" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl shared dependency:copy@copy-applicationinsights-agent >&2)
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
