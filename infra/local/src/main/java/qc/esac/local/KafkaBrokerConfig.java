package qc.esac.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Server properties of a KRaft node playing both broker and controller: alone (the default local stack) or one
 * of a cluster of several in this JVM ({@code --brokers 3}, replication as in production).
 */
final class KafkaBrokerConfig {

    static final int NODE_ID = 1;
    /** Replicas of the internal topics in a cluster, and the most a topic gets locally (topics.txt asks 3). */
    static final int MAX_REPLICATION = 3;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String HOST = "127.0.0.1";

    private KafkaBrokerConfig() {
    }

    static Map<String, String> properties(Path logDirectory, int port, int controllerPort) {
        return properties(logDirectory, NODE_ID, port, controllerPort, NODE_ID + "@" + HOST + ":" + controllerPort, 1);
    }

    /**
     * @param voters  the static quorum, {@code id@host:port,...}: the voters' addresses live in this config, not in
     *                the metadata log, so the controller ports may change from one start to the next
     * @param brokers how many nodes the cluster has: internal topics get up to three replicas, two in sync
     */
    static Map<String, String> properties(Path logDirectory, int nodeId, int port, int controllerPort, String voters,
            int brokers) {
        String replication = String.valueOf(replication(brokers));
        String minInSync = String.valueOf(minInSyncReplicas(brokers));
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                // Services rely on producing to a topic to create it, as on a developer's Kafka.
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "1"),
                // One broker: every internal topic must make do with a single replica; three: as in production.
                Map.entry("default.replication.factor", replication),
                Map.entry("min.insync.replicas", minInSync),
                Map.entry("offsets.topic.replication.factor", replication),
                Map.entry("transaction.state.log.replication.factor", replication),
                Map.entry("transaction.state.log.min.isr", minInSync),
                Map.entry("share.coordinator.state.topic.replication.factor", replication),
                Map.entry("share.coordinator.state.topic.min.isr", minInSync),
                // 50 partitions each (the default) only slow down the first consumer group on one node.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.num.partitions", "5"),
                // The compaction buffer (for the offsets and transaction topics) is allocated whole at
                // start: the 128 MB default was half of the process's memory; 16 MB still holds
                // about 600k distinct keys per cleaning pass, far more than a laptop produces.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)),
                // After a hard kill the controller refuses the broker's new registration until the old
                // session expires (default 9 s, the whole restart delay). Half of that, with the same
                // heartbeat ratio, still tolerates multi-second pauses on a busy laptop.
                Map.entry("broker.heartbeat.interval.ms", "1000"),
                Map.entry("broker.session.timeout.ms", "4500"),
                // Fail with an error instead of waiting forever if the node cannot get going.
                Map.entry("server.max.startup.time.ms", "60000"),
                // Records carry their event's time (the outbox sets it). The end-to-end suite moves the services'
                // clocks forward to let days pass (memberships lapse, grace ends), so the broker must not refuse
                // records from "the future" (Kafka's default: more than an hour ahead).
                Map.entry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
                // Nobody else is about to join a local group: do not wait 3 s before the first rebalance.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The group coordinator holds each offset commit up to 5 ms (Kafka 4's default) to write several in
                // one append; a listener commits after applying each poll, so every event waited for it (training's
                // commit p50 7 ms, 1 ms without it: issue 12, kit README "Consuming events").
                Map.entry("group.coordinator.append.linger.ms", "0"));
    }

    /**
     * As {@link #properties(Path, int, int, int, String, int)}, plus the partners' listener, the authorizer and the
     * internal principal as super user (see {@link PartnerListener}).
     */
    static Map<String, String> properties(Path logDirectory, int nodeId, int port, int controllerPort, String voters,
            int brokers, PartnerListener partners) {
        Map<String, String> properties = new HashMap<>(properties(logDirectory, nodeId, port, controllerPort, voters,
                brokers));
        if (partners == null) {
            return properties;
        }
        String listener = PartnerListener.NAME + "://" + HOST + ":" + partners.port();
        String prefix = "listener.name." + PartnerListener.NAME.toLowerCase() + ".oauthbearer.";
        properties.put("listeners", properties.get("listeners") + "," + listener);
        properties.put("advertised.listeners", properties.get("advertised.listeners") + "," + listener);
        properties.put("listener.security.protocol.map", properties.get("listener.security.protocol.map") + ","
                + PartnerListener.NAME + ":SASL_PLAINTEXT");
        properties.put("listener.name." + PartnerListener.NAME.toLowerCase() + ".sasl.enabled.mechanisms", "OAUTHBEARER");
        properties.put(prefix + "sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
        properties.put(prefix + "sasl.server.callback.handler.class", PartnerTokenValidator.class.getName());
        properties.put("sasl.oauthbearer.jwks.endpoint.url", partners.jwksUrl());
        properties.put("sasl.oauthbearer.expected.issuer", partners.issuer());
        properties.put("sasl.oauthbearer.expected.audience", partners.audience());
        // The issuer may start after the broker (local stack): keep asking for its keys instead of failing.
        properties.put("sasl.oauthbearer.jwks.endpoint.retry.backoff.max.ms", "5000");
        // ACLs decide; nothing is allowed without one, except to the internal listener's and controller's principal
        // (PLAINTEXT on loopback: the services, operators' tools and the other nodes).
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("super.users", INTERNAL_PRINCIPAL);
        properties.put("allow.everyone.if.no.acl.found", "false");
        return properties;
    }

    /** The principal of a PLAINTEXT connection: the internal listener's (services) and the controllers'. */
    static final String INTERNAL_PRINCIPAL = "User:ANONYMOUS";

    static int replication(int brokers) {
        return Math.min(MAX_REPLICATION, brokers);
    }

    /** Two of three replicas must have a write (acks=all); a single replica is its own quorum. */
    static int minInSyncReplicas(int brokers) {
        return replication(brokers) >= 3 ? 2 : 1;
    }
}
