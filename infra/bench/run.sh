#!/usr/bin/env bash
# Benchmarks of the event backbone and the gateway on the whole local stack (see infra/bench/README.md).
# Builds the jars first when they are missing or older than their sources (--build forces it), then starts the
# stack on ports moved by --port-offset (default 12000), runs the scenarios, prints their tables and writes
# infra/bench/results/latest.json and latency-vs-rate.svg (results/smoke/ with --smoke).
#   infra/bench/run.sh --smoke                      every scenario briefly (about 3 minutes with the start)
#   infra/bench/run.sh --scenario gateway           one scenario, full length
#   infra/bench/run.sh --help                       every option
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
done

source infra/local/stale.sh
jar=infra/bench/target/bench-0.1.0-SNAPSHOT-exec.jar
if platform_stale infra/bench || [[ ! -f "$jar" ]]; then build=true; fi

if $build; then
  echo "Building the platform and the benchmarks (./mvnw -DskipTests -pl infra/bench -am package)..."
  ./mvnw -B -q -DskipTests -pl infra/bench -am package
fi

export ESAC_ROOT="$root"
# The broker and the store run in this JVM beside the load generator: a heap for both, and a low-pause collector
# so that the generator's own pauses stay small (they are corrected for anyway: latencies count from the
# intended start).
exec java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -jar "$jar" "${args[@]}"
