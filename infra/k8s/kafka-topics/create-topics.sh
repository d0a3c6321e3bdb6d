#!/bin/sh
# Creates the topics listed in topics.txt (see its header), or brings existing ones to their declared configs;
# safe to run again. Runs in the apache/kafka image (busybox sh) and under any POSIX shell:
#   KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092 create-topics.sh topics.txt
# Partitions and replication of an existing topic are left as they are (changing them is a reassignment).
set -eu
topics=${1:?usage: create-topics.sh <topics file>}
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}
bin=${KAFKA_BIN:-/opt/kafka/bin}

grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$topics" | while read -r name partitions replication configs; do
    set --
    for config in $(printf '%s' "$configs" | tr ',' ' '); do
        set -- "$@" --config "$config"
    done
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
        --partitions "$partitions" --replication-factor "$replication" "$@"
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$name" \
        --add-config "$configs"
    echo "topic $name: $partitions partitions, $replication replicas, $configs"
done

# Partners' read access (on the brokers' partner listener), when partners are named.
if [ -n "${ESAC_KAFKA_PARTNERS:-}" ]; then
    sh "$(dirname "$0")/partner-acls.sh" "$topics"
fi
