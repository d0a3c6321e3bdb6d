# Sourced by infra/local/start.sh and infra/bench/run.sh (from the repository's root): whether the platform's jars
# must be built before starting it.

platform_modules=(infra/event-contracts infra/store infra/service-kit infra/membership-feed infra/identity membership-service
                  training-service insurance-service projects-service infra/portal gateway infra/demo infra/local)
launcher_jar=infra/local/target/local-0.1.0-SNAPSHOT-exec.jar

# A module needs building when it has no jar yet, or when a source or its pom changed since its jar was made.
stale() {
  local module=$1 jar
  jar=$(ls "$module"/target/*.jar 2>/dev/null | grep -v -e '-exec.jar$' -e '.original$' | head -1 || true)
  [[ -z "$jar" ]] && return 0
  [[ -n "$(find "$module/src" "$module/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# True when the given executable jar bundles a platform module (BOOT-INF/lib) whose jar was made after it: a build
# of another module (e.g. `-pl membership-service -am verify` remakes infra/store's jar) leaves the launcher or a
# tool with its older copy.
bundles_older() {
  local exec_jar=$1 module jar
  local bundled
  bundled=$(unzip -Z1 "$exec_jar" 'BOOT-INF/lib/*' 2>/dev/null || true)
  for module in "${platform_modules[@]}"; do
    for jar in "$module"/target/*.jar; do
      [[ -f "$jar" && "$jar" != *-exec.jar ]] || continue
      if grep -qx "BOOT-INF/lib/$(basename "$jar")" <<<"$bundled" && [[ "$jar" -nt "$exec_jar" ]]; then return 0; fi
    done
  done
  return 1
}

# True when a platform module, or one of the extra modules given, needs building.
platform_stale() {
  local module
  for module in "${platform_modules[@]}" "$@"; do
    if [[ -d "$module" ]] && stale "$module"; then return 0; fi
  done
  [[ ! -f "$launcher_jar" ]] && return 0
  bundles_older "$launcher_jar" && return 0
  # The declared Kafka topics are packaged into the launcher (KafkaTopics).
  [[ -n "$(find infra/k8s/kafka-topics/topics.txt -newer "$launcher_jar" -print 2>/dev/null)" ]]
}

# For the launcher of a tool that runs the stack (infra/bench, infra/fault): builds the platform and the tool's
# module with --build, or when the tool's jar is missing or a source changed; the other arguments are left in
# tool_args for the tool.
prepare_tool() {
  local module=$1 jar=$2 what=$3 build=false arg
  shift 3
  tool_args=()
  for arg in "$@"; do
    if [[ "$arg" == "--build" ]]; then build=true; else tool_args+=("$arg"); fi
  done
  if platform_stale "$module" || [[ ! -f "$jar" ]] || bundles_older "$jar"; then build=true; fi
  if $build; then
    echo "Building the platform and $what (./mvnw -DskipTests -pl $module -am package)..."
    ./mvnw -B -q -DskipTests -pl "$module" -am package
  fi
}
