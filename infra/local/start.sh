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

# A module needs building when it has no jar yet, or when a source or its pom changed since its jar was made.
stale() {
  local module=$1 jar
  jar=$(ls "$module"/target/*.jar 2>/dev/null | grep -v -e '-exec.jar$' -e '.original$' | head -1 || true)
  [[ -z "$jar" ]] && return 0
  [[ -n "$(find "$module/src" "$module/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]
}
for module in infra/event-contracts infra/service-kit infra/identity membership-service training-service \
              insurance-service projects-service gateway infra/demo infra/local; do
  if [[ -d "$module" ]] && stale "$module"; then build=true; fi
done
if [[ ! -f infra/local/target/local-0.1.0-SNAPSHOT-exec.jar ]]; then build=true; fi
# The declared Kafka topics are packaged into the launcher (KafkaTopics).
if [[ -n "$(find infra/k8s/kafka-topics/topics.txt -newer infra/local/target/local-0.1.0-SNAPSHOT-exec.jar -print 2>/dev/null)" ]]; then
  build=true
fi

if $build; then
  echo "Building the platform (./mvnw -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi

export ESAC_ROOT="$root"
exec java -Xmx512m -XX:+UseSerialGC -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar "${args[@]}"
