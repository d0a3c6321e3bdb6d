#!/usr/bin/env bash
# Starts the whole platform on this machine: Kafka broker and MongoDB-protocol store, identity provider, the
# four services and the gateway, each in its own JVM. Builds the jars first when they are missing or older
# than their sources. Options go to the launcher (--reset, --data-dir, --infra-only, --help...);
# --build forces a build; --identity keycloak runs Keycloak (fetched from Maven Central once) instead of
# infra/identity. Ctrl-C stops everything cleanly.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

build=false
identity=local
args=()
previous=""
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
  if [[ "$previous" == "--identity" ]]; then identity=$arg; fi
  previous=$arg
done

source infra/local/stale.sh
if platform_stale; then build=true; fi

if $build; then
  echo "Building the platform (./mvnw -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi

if [[ "$identity" == "keycloak" ]]; then
  # The root pom's keycloak.version, the one place for it.
  keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$root/pom.xml")
  export ESAC_KEYCLOAK_HOME="$root/infra/local/target/keycloak/keycloak-$keycloak_version"
  if [[ ! -f "$ESAC_KEYCLOAK_HOME/bin/kc.sh" ]]; then
    echo "Fetching Keycloak $keycloak_version (Maven Central, once)..."
    # overWriteReleases: unpack even if an earlier unpack (elsewhere) left its marker behind.
    ./mvnw -B -q -N dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:tar.gz" -Dmdep.overWriteReleases=true \
      -DoutputDirectory="$root/infra/local/target/keycloak"
  fi
  # Keycloak needs a JDK 21 or later: ESAC_KEYCLOAK_JAVA_HOME, else the newest found in /usr/lib/jvm.
fi

export ESAC_ROOT="$root"
exec java -Xmx512m -XX:+UseSerialGC -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar "${args[@]}"
