#!/usr/bin/env bash
# Starts the whole platform on this machine: Kafka broker and MongoDB-protocol store, identity provider, the
# four services and the gateway, each in its own JVM. Builds the jars first when they are missing or older
# than their sources. Options go to the launcher (--reset, --data-dir, --infra-only, --help...);
# --build forces a build. Ctrl-C stops everything cleanly.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
done

source infra/local/stale.sh
if platform_stale; then build=true; fi

if $build; then
  echo "Building the platform (./mvnw -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi

export ESAC_ROOT="$root"
exec java -Xmx512m -XX:+UseSerialGC -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar "${args[@]}"
