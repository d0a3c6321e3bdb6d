#!/bin/sh
# Grants each partner client in ESAC_KAFKA_PARTNERS (client ids of the OIDC issuer, space or comma separated) what
# partners may do on the partner listener: read and describe the public topics of topics.txt (every topic but the
# .DLT ones) and use its own consumer groups (<client id>.*). The broker's authorizer refuses everything else.
# Safe to run again (kafka-acls.sh --add of an existing ACL changes nothing). Called by create-topics.sh.
#   KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092 ESAC_KAFKA_PARTNERS=partenaire-exemple partner-acls.sh topics.txt
set -eu
topics=${1:?usage: partner-acls.sh <topics file>}
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}
bin=${KAFKA_BIN:-/opt/kafka/bin}

for partner in $(printf '%s' "${ESAC_KAFKA_PARTNERS:-}" | tr ',' ' '); do
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$topics" | while read -r name _; do
        case "$name" in *.DLT) continue ;; esac
        "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$partner" \
            --operation Read --operation Describe --topic "$name"
    done
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$partner" \
        --operation Read --group "$partner." --resource-pattern-type prefixed
    echo "partner $partner: reads the public topics, groups $partner.*"
done
