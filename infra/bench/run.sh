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

source infra/local/stale.sh
jar=infra/bench/target/bench-0.1.0-SNAPSHOT-exec.jar
prepare_tool infra/bench "$jar" "the benchmarks" "$@"

export ESAC_ROOT="$root"
# The broker and the store run in this JVM beside the load generator, and every event's path goes through it (the
# write, the record, training's fetch, its write and its commit): its pauses are everyone's. A young generation
# large enough to collect every few seconds rather than several times a second: with G1 and a 20 ms goal, G1 shrank
# it to ~50 MB and paused ~25 ms 1.5 times a second at 50 registrations/s (4 % of the time; BENCHMARKS.md, seventh
# round). Latencies still count from the intended start, so the generator's own pauses are included.
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -Xmn400m -jar "$jar" "${tool_args[@]}"
