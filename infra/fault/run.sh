#!/usr/bin/env bash
# The fault suite (see infra/fault/README.md): starts the whole local stack with a 3-broker cluster and a stallable
# proxy in front of the store, drives cross-service commands at a steady rate, injects the faults, checks the
# effects through the APIs and writes infra/fault/REPORT.md and infra/fault/results/latest.json. Exits non-zero
# when a promise was broken. Builds the jars first when they are missing or older than their sources.
#   infra/fault/run.sh --smoke     every fault once, shortest timings, 1 command/s (CI: .ci/run)
#   infra/fault/run.sh --short     one cycle of each fault, light load (6 min on a quiet 2-core machine, 18 on a busy one)
#   infra/fault/run.sh --long      three broker cycles, more load, longer pauses (operators, before a release)
#   infra/fault/run.sh --help      every option
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

source infra/local/stale.sh
jar=infra/fault/target/fault-0.1.0-SNAPSHOT-exec.jar
prepare_tool infra/fault "$jar" "the fault suite" "$@"

export ESAC_ROOT="$root"
# The store runs in this JVM beside the load driver; each of the three Kafka nodes in a JVM of its own.
exec java -Xms768m -Xmx1g -jar "$jar" "${tool_args[@]}"
