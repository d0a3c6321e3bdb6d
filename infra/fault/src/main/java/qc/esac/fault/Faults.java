package qc.esac.fault;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventDescriptor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The faults, each injected while the driver's stream goes on, each returning what it observed. */
final class Faults {

    private static final Duration READY = Duration.ofMinutes(6);
    private static final String MEMBERSHIP_TOPIC = "esac.membership.events.v1";
    private static final String ORGANIZATION_REGISTERED = EventCatalog.all().stream()
            .filter(d -> d.dataClass() == qc.esac.events.membership.OrganizationRegistered.class)
            .map(EventDescriptor::type).findFirst().orElseThrow();
    private static final Pattern TOPIC_COUNT = Pattern.compile(
            "\"topic\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"records\"\\s*:\\s*(\\d+)");

    private final FaultStack stack;
    private final Api api;
    private final Mode mode;

    Faults(FaultStack stack, Api api, Mode mode) {
        this.stack = stack;
        this.api = api;
        this.mode = mode;
    }

    /**
     * 1. Brokers killed (SIGKILL: each node is a JVM of its own) and started again one at a time, then all three
     * at once and started together.
     */
    Map<String, Object> brokers() throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        List<Map<String, Object>> cycles = new ArrayList<>();
        for (int cycle = 1; cycle <= mode.brokerCycles(); cycle++) {
            int node = (cycle - 1) % 3 + 1;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("node", node);
            stack.brokers().kill(node);
            Thread.sleep(mode.outageMillis());
            long start = System.nanoTime();
            stack.brokers().start(node);
            one.put("restartSeconds", seconds(start));
            cycles.add(one);
            Thread.sleep(mode.outageMillis());
        }
        result.put("killedOneAtATime", cycles);
        for (int node = 1; node <= BrokerCluster.NODES; node++) {
            stack.brokers().kill(node);
        }
        Thread.sleep(mode.outageMillis());
        long start = System.nanoTime();
        stack.brokers().start(1, 2, 3);
        result.put("allKilledRestartSeconds", seconds(start));
        return result;
    }

    /**
     * 2. Each service killed (SIGKILL) and started again; membership a second time through its fault point,
     * which halts it right after a write is committed and before it is published. In turn (each crash while the
     * others answer), or for a smoke run all four killed together and started again in parallel, membership armed
     * in that same start (one restart less each: starting the JVMs is what costs).
     */
    Map<String, Object> services() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, String> armed = Map.of("ESAC_FAULT_HALT_AFTER_WRITES", "3");
        long armedAt;
        if (mode.servicesTogether()) {
            for (String service : FaultStack.SERVICES) {
                stack.stack().kill(service);
            }
            result.put("killedTogether", List.of(FaultStack.SERVICES));
            Thread.sleep(1_000);
            long start = System.nanoTime();
            List<CompletableFuture<Double>> restarts = new ArrayList<>();
            for (String service : FaultStack.SERVICES) {
                // Armed: halts after its 3rd write with events from its start on, under the driver's load.
                Map<String, String> environment = service.equals("membership-service") ? armed : Map.of();
                // A thread each: all four start at the same time whatever the common pool's size.
                restarts.add(CompletableFuture.supplyAsync(() -> {
                    stack.stack().restart(service, environment, READY);
                    return seconds(start);
                }, task -> new Thread(task, "restart-" + service).start()));
            }
            for (int i = 0; i < FaultStack.SERVICES.length; i++) {
                result.put(FaultStack.SERVICES[i] + " restartSeconds", restarts.get(i).get(READY.toMinutes() + 1,
                        TimeUnit.MINUTES));
            }
            // The fault point's wait counts from membership's readiness, not from the start of the four restarts
            // (on a busy machine they take two minutes, which left the armed service almost no time to write).
            armedAt = start + Math.round((Double) result.get("membership-service restartSeconds") * 1e9);
        } else {
            for (String service : FaultStack.SERVICES) {
                stack.stack().kill(service);
                Thread.sleep(2_000);
                long start = System.nanoTime();
                stack.stack().restart(service, Map.of(), READY);
                result.put(service + " restartSeconds", seconds(start));
            }
            stack.stack().restart("membership-service", armed, READY);
            armedAt = System.nanoTime();
        }
        while (stack.stack().process("membership-service").isAlive() && seconds(armedAt) < 120) {
            Thread.sleep(100);
        }
        boolean halted = !stack.stack().process("membership-service").isAlive();
        result.put("membership halted between write and publication", halted);
        long start = System.nanoTime();
        stack.stack().restart("membership-service", Map.of(), READY);
        result.put("membership restartSecondsAfterHalt", seconds(start));
        return result;
    }

    /** 3. The store stops answering for the pause: a probe request must fail fast with a French 503 problem. */
    Map<String, Object> storePause() throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        stack.store().stall(true);
        long stalled = System.nanoTime();
        Map<Integer, Integer> probes = new LinkedHashMap<>();
        long slowest = 0;
        String problem = null;
        String retryAfter = null;
        try {
            while (seconds(stalled) < mode.storePauseSeconds()) {
                Api.Answer answer = api.get(stack.uri("training-service", "/api/training/sessions?size=1"));
                probes.merge(answer.status(), 1, Integer::sum);
                slowest = Math.max(slowest, answer.millis());
                if (answer.status() == 503 && problem == null) {
                    problem = answer.header("Content-Type") + " " + answer.body();
                    retryAfter = answer.header("Retry-After");
                }
            }
        } finally {
            stack.store().stall(false);
        }
        long resumed = System.nanoTime();
        int status = -1;
        while (status != 200 && seconds(resumed) < 60) {
            status = api.get(stack.uri("training-service", "/api/training/sessions?size=1")).status();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        result.put("pauseSeconds", mode.storePauseSeconds());
        result.put("probeStatuses", probes);
        result.put("slowestProbeMillis", slowest);
        result.put("first503", problem);
        result.put("retryAfter", retryAfter);
        result.put("french", problem != null && problem.contains("application/problem+json")
                && problem.contains("Service indisponible") && problem.contains("stockage.indisponible"));
        result.put("recoverySeconds", status == 200 ? seconds(resumed) : -1);
        return result;
    }

    /** 4. Every record of membership's topic published again twice, each partition's in reverse order. */
    Map<String, Object> redelivery() {
        String topic = "esac.membership.events.v1";
        List<ConsumerRecord<String, byte[]>> records = readAll(topic);
        Map<String, Object> result = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<ConsumerRecord<String, byte[]>> reversed = new ArrayList<>(records);
            Collections.reverse(reversed);
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> record : reversed) {
                    producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
                            record.headers()));
                }
            }
            producer.flush();
        }
        result.put("topic", topic);
        result.put("recordsRepublished", records.size() * 2);
        return result;
    }

    /**
     * 5. Poison on every consumed topic (malformed bytes, an event whose data breaks its schema, an envelope
     * without subject): each consuming service must put them in its dead-letter topic, with the reason, and go
     * on; a replay of one sends it back once (it fails again: nothing was fixed) without looping; a service's
     * dead-letter API knows only its own topics.
     */
    Map<String, Object> poison(Driver driver) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> before = deadLetters();
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        before.forEach((service, topics) -> topics.keySet().forEach(dlt -> {
            String topic = dlt.replaceFirst("\\.DLT$", "");
            // A service reading its own topic (membership's registrant approvals) takes a few decision types and
            // skips every other record by its type header, unread: poison of other types is not its to reject.
            if (!ownTopic(service, topic)) {
                consumers.computeIfAbsent(topic, t -> new ArrayList<>()).add(service);
            }
        }));
        int perTopic = 3;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String topic : consumers.keySet()) {
                for (ProducerRecord<String, byte[]> poison : poisonFor(topic)) {
                    producer.send(poison);
                }
            }
            producer.flush();
        }
        long start = System.nanoTime();
        Map<String, Map<String, Integer>> after;
        boolean all;
        do {
            Thread.sleep(1_000);
            after = deadLetters();
            all = true;
            for (Map.Entry<String, List<String>> topic : consumers.entrySet()) {
                for (String service : topic.getValue()) {
                    all &= count(after, service, topic.getKey() + ".DLT") - count(before, service, topic.getKey() + ".DLT")
                            >= perTopic;
                }
            }
        } while (!all && seconds(start) < 120);
        result.put("consumedTopics", consumers);
        result.put("poisonPerTopic", perTopic);
        result.put("deadLettersBefore", before);
        result.put("deadLettersAfter", after);
        result.put("allInTheirDeadLetterTopicSeconds", all ? seconds(start) : -1);
        // Only its own: a service's dead-letter topic grows by the poison it consumed, not by its neighbours'.
        boolean ownOnly = true;
        for (Map.Entry<String, List<String>> topic : consumers.entrySet()) {
            for (String service : topic.getValue()) {
                int added = count(after, service, topic.getKey() + ".DLT") - count(before, service, topic.getKey() + ".DLT");
                ownOnly &= added == perTopic;
            }
        }
        result.put("ownDeadLettersOnly", ownOnly);
        // A reason is recorded with each: the first dead letter of membership's topic at training, for instance.
        String firstService = consumers.values().stream().flatMap(List::stream).findFirst().orElse(null);
        String firstTopic = consumers.keySet().stream().findFirst().orElse(null);
        if (firstService != null) {
            Api.Answer listed = api.get(stack.uri(firstService, base(firstService) + "/ops/dead-letters/"
                    + firstTopic + ".DLT?size=1"));
            result.put("sampleDeadLetter", listed.body() == null ? null
                    : listed.body().substring(0, Math.min(600, listed.body().length())));
            // Replaying everything: the records fail again and come back once each, no more.
            Api.Answer replay = api.post(stack.uri(firstService, base(firstService) + "/ops/dead-letters/"
                    + firstTopic + ".DLT/replay"), null, Map.of());
            result.put("replayAll", replay.status() + " " + replay.body());
            int beforeReplay = count(after, firstService, firstTopic + ".DLT");
            Matcher replayedCount = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)").matcher(replay.body());
            int expected = beforeReplay + (replayedCount.find() ? Integer.parseInt(replayedCount.group(1)) : 0);
            // Until each replayed record failed again (a busy consumer may take a while), then a moment more.
            long replayedAt = System.nanoTime();
            int afterReplay;
            do {
                Thread.sleep(1_000);
                afterReplay = count(deadLetters(), firstService, firstTopic + ".DLT");
            } while (afterReplay < expected && seconds(replayedAt) < 90);
            Thread.sleep(mode.replayWaitMillis() / 2);
            afterReplay = count(deadLetters(), firstService, firstTopic + ".DLT");
            result.put("replayDeadLettersBeforeAfter", List.of(beforeReplay, afterReplay));
            // Each replayed record fails again once, at this service only: the count grows by what was replayed.
            Matcher replayed = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)").matcher(replay.body());
            result.put("replayReachedOnlyThisService", replayed.find()
                    && afterReplay - beforeReplay == Integer.parseInt(replayed.group(1)));
            Thread.sleep(mode.replayWaitMillis() * 2 / 3);
            int later = count(deadLetters(), firstService, firstTopic + ".DLT");
            result.put("noLoop", later == afterReplay);
            // Only its own: a service does not list another's dead-letter topic.
            String foreign = FaultStack.SERVICES[0].equals(firstService) ? FaultStack.SERVICES[1] : FaultStack.SERVICES[0];
            String notConsumedThere = consumers.keySet().stream()
                    .filter(topic -> !before.getOrDefault(foreign, Map.of()).containsKey(topic + ".DLT")).findFirst()
                    .orElse("esac.unknown.events.v1");
            Api.Answer other = api.get(stack.uri(foreign, base(foreign) + "/ops/dead-letters/" + notConsumedThere
                    + ".DLT"));
            result.put("foreignTopicAnswer", foreign + " on " + notConsumedThere + ".DLT: " + other.status());
            result.put("foreignTopicUnknown", other.status() == 404);
        }
        result.put("afterAFix", fixedByReplay(driver, consumers.getOrDefault(MEMBERSHIP_TOPIC, List.of())));
        return result;
    }

    /**
     * 5b. A record that fails for a reason an operator can fix: a valid event (an organization registered, copied
     * from the topic under a new identifier) consumed while the store is stalled longer than the consumers' retries
     * (about 25 s), so that every consumer dead-letters it with the store's error. The driver is paused first so
     * that the consumers are idle. Then the fix (the store answers again) and the operator's procedure: each
     * service replays each of its dead-letter topics. The record must now be processed (the organization in
     * training's, insurance's and projects' read models), the poison records fail once more, and nothing loops.
     * Whatever else the stall dead-lettered is processed by the same replays (the checks afterwards count it as any
     * other).
     */
    private Map<String, Object> fixedByReplay(Driver driver, List<String> consumers) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        Optional<ProducerRecord<String, byte[]>> fixable = readAll(MEMBERSHIP_TOPIC).stream()
                .filter(record -> ORGANIZATION_REGISTERED.equals(header(record, "ce_type")))
                .findFirst().map(record -> underNewIdentifier(record, UUID.randomUUID().toString()));
        if (fixable.isEmpty()) {
            result.put("error", "no organization-registered event on " + MEMBERSHIP_TOPIC + " to copy");
            return result;
        }
        String organization = fixable.get().key();
        result.put("organization", organization);
        driver.pause(true);
        Set<String> deadLetteredBy = Set.of();
        long stalled;
        try {
            driver.awaitAnswers(60_000);
            result.put("lagBeforeOutage", awaitNoLag(MEMBERSHIP_TOPIC, 180_000));
            // Down, not stalled: a stalled write would reach the store when the stall ends, and the record's
            // effect would be there without any replay.
            stack.store().down(true);
            stalled = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(fixable.get());
                producer.flush();
            }
            // Read from the dead-letter topic itself: the services' dead-letter API needs the store.
            do {
                Thread.sleep(2_000);
                deadLetteredBy = deadLetteredBy(MEMBERSHIP_TOPIC + ".DLT", organization);
            } while (deadLetteredBy.size() < consumers.size() && seconds(stalled) < 120);
        } finally {
            stack.store().down(false);
            driver.pause(false);
        }
        result.put("storeDownSeconds", seconds(stalled));
        result.put("deadLetteredBy", new java.util.TreeSet<>(deadLetteredBy));
        result.put("fixedRecordDeadLettered", deadLetteredBy.size() >= consumers.size());
        result.put("sampleReason", lastReason(consumers.isEmpty() ? null : consumers.get(0)));
        Map<String, Integer> absent = readModelStatuses(organization);
        result.put("readModelsBeforeReplay", absent);
        result.put("absentBeforeReplay", absent.values().stream().noneMatch(status -> status == 200));
        // The fix is in (the store answers): each service replays each of its dead-letter topics.
        Map<String, Map<String, Integer>> beforeReplay = deadLetters();
        Map<String, String> replays = new LinkedHashMap<>();
        beforeReplay.forEach((service, topics) -> topics.keySet().forEach(dlt -> {
            Api.Answer replay = api.post(stack.uri(service, base(service) + "/ops/dead-letters/" + dlt + "/replay"),
                    null, Map.of());
            replays.put(service + " " + dlt, replay.status() + " " + replay.body());
        }));
        result.put("replays", replays);
        long replayed = System.nanoTime();
        Map<String, Integer> present;
        do {
            Thread.sleep(1_000);
            present = readModelStatuses(organization);
        } while (present.values().stream().anyMatch(status -> status != 200) && seconds(replayed) < 60);
        result.put("readModelsAfterReplay", present);
        result.put("fixedRecordProcessedByReplay", present.values().stream().allMatch(status -> status == 200));
        Thread.sleep(mode.replayWaitMillis());
        Map<String, Map<String, Integer>> settled = deadLetters();
        Thread.sleep(mode.replayWaitMillis() * 2 / 3);
        Map<String, Map<String, Integer>> later = deadLetters();
        result.put("deadLettersAfterReplay", later);
        result.put("noLoopAfterFix", later.equals(settled));
        return result;
    }

    /** Whether a topic is the service's own ({@code esac.membership.events.v1} for membership-service). */
    static boolean ownTopic(String service, String topic) {
        return topic.equals("esac." + service.replaceFirst("-service$", "") + ".events.v1");
    }

    /**
     * Waits until every consumer group reading {@code topic} has committed up to its end (the consumers are
     * idle); the lag left, 0 once caught up.
     */
    private long awaitNoLag(String topic, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lag;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka()));
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            do {
                lag = 0;
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                try {
                    for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                        var committed = admin.listConsumerGroupOffsets(group.groupId())
                                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                        if (committed.keySet().stream().noneMatch(p -> p.topic().equals(topic))) {
                            continue;
                        }
                        for (TopicPartition partition : partitions) {
                            var offset = committed.get(partition);
                            lag += ends.get(partition) - (offset == null ? 0 : offset.offset());
                        }
                    }
                } catch (Exception e) {
                    lag = -1;
                }
                if (lag != 0) {
                    Thread.sleep(1_000);
                }
            } while (lag != 0 && System.currentTimeMillis() < deadline);
        }
        return lag;
    }

    /** The consumer groups that dead-lettered the records of {@code key} in a dead-letter topic. */
    private Set<String> deadLetteredBy(String deadLetterTopic, String key) {
        Set<String> groups = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : readAll(deadLetterTopic)) {
            if (key.equals(record.key())) {
                String group = header(record, "kafka_dlt-original-consumer-group");
                groups.add(group == null ? "?" : group);
            }
        }
        return groups;
    }

    /** Each organization read model's answer (Effects.READ_MODELS) for an organization (200: present). */
    private Map<String, Integer> readModelStatuses(String organization) {
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        Effects.READ_MODELS.forEach((service, path) ->
                statuses.put(service, api.get(stack.uri(service, path + organization)).status()));
        return statuses;
    }

    /** The reason of a service's newest dead letter on the membership topic. */
    private String lastReason(String service) {
        if (service == null) {
            return null;
        }
        Api.Answer page = api.get(stack.uri(service, base(service) + "/ops/dead-letters/" + MEMBERSHIP_TOPIC
                + ".DLT?size=200"));
        Matcher reasons = Pattern.compile("\"reason\"\\s*:\\s*\"([^\"]*)\"").matcher(page.body() == null ? ""
                : page.body());
        String last = null;
        while (reasons.find()) {
            last = reasons.group(1);
        }
        return last;
    }

    /**
     * A copy of an event under another aggregate: the identifier replaced in key, subject and data, a new event
     * identifier; the rest (type, sequence, schema) as published, so the copy is valid.
     */
    static ProducerRecord<String, byte[]> underNewIdentifier(ConsumerRecord<String, byte[]> record, String id) {
        String old = header(record, "ce_subject");
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(h -> {
            switch (h.key()) {
                case "ce_id" -> headers.add("ce_id", bytes(UUID.randomUUID().toString()));
                case "ce_subject" -> headers.add("ce_subject", bytes(id));
                default -> headers.add(h.key(), h.value());
            }
        });
        String data = new String(record.value(), StandardCharsets.UTF_8).replace(old, id);
        return new ProducerRecord<>(record.topic(), null, id, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * 6. A service down behind the gateway: its route answers a French 503 with Retry-After once its breaker
     * opens, the others keep answering, and the route recovers (its breaker closed again) once the service is
     * back. The breaker's state is read from the gateway's {@code resilience4j_circuitbreaker_state} gauge all
     * along: each change is listed with its time since the kill.
     */
    Map<String, Object> gateway(String knownOrganization) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        String victim = "training-service";
        java.net.URI victimRoute = stack.uri("gateway", "/api/training/organizations/" + knownOrganization);
        java.net.URI otherRoute = stack.uri("gateway", "/api/membership/organizations/" + knownOrganization);
        // One call first: the gateway creates a route's breaker (and its gauge) on the route's first call.
        api.get(victimRoute);
        Transitions transitions = new Transitions(breakerState(victim));
        stack.stack().kill(victim);
        long killed = System.nanoTime();
        Map<Integer, Integer> victimStatuses = new LinkedHashMap<>();
        Map<Integer, Integer> otherStatuses = new LinkedHashMap<>();
        List<Long> otherMillis = new ArrayList<>();
        String problem = null;
        String retryAfter = null;
        while (seconds(killed) < mode.gatewayDownSeconds()) {
            Api.Answer answer = api.get(victimRoute);
            victimStatuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 503 && problem == null) {
                problem = answer.header("Content-Type") + " " + answer.body();
                retryAfter = answer.header("Retry-After");
            }
            transitions.observe(breakerState(victim), seconds(killed));
            Api.Answer other = api.get(otherRoute);
            otherStatuses.merge(other.status(), 1, Integer::sum);
            otherMillis.add(other.millis());
            Thread.sleep(100);
        }
        long restarting = System.nanoTime();
        stack.stack().restart(victim, Map.of(), READY);
        double ready = seconds(restarting);
        int status = -1;
        double recovered = -1;
        // Until the route answers and its breaker closed again (after its wait in the open state and trial calls).
        while ((status != 200 || !"closed".equals(transitions.last())) && seconds(restarting) < 120) {
            status = api.get(victimRoute).status();
            if (status == 200 && recovered < 0) {
                recovered = seconds(restarting);
            }
            transitions.observe(breakerState(victim), seconds(killed));
            Thread.sleep(250);
        }
        Collections.sort(otherMillis);
        result.put("victim", victim);
        result.put("victimStatuses", victimStatuses);
        result.put("first503", problem);
        result.put("retryAfter", retryAfter);
        result.put("french", problem != null && problem.contains("application/problem+json")
                && problem.contains("indisponible"));
        result.put("breakerTransitions", transitions.list());
        result.put("breakerOpened", transitions.reached("open"));
        result.put("breakerClosedAgain", transitions.reached("open") && "closed".equals(transitions.last()));
        result.put("othersStatuses", otherStatuses);
        result.put("othersP50Millis", otherMillis.isEmpty() ? -1 : otherMillis.get(otherMillis.size() / 2));
        result.put("othersMaxMillis", otherMillis.isEmpty() ? -1 : otherMillis.get(otherMillis.size() - 1));
        result.put("serviceReadySeconds", ready);
        result.put("routeRecoveredSeconds", recovered);
        return result;
    }

    /** A breaker's states as seen over time: the first, then each change with its time. */
    static final class Transitions {

        private final List<String> list = new ArrayList<>();
        private String last;

        Transitions(String first) {
            last = first;
            list.add(first + " at start");
        }

        void observe(String state, double atSeconds) {
            if (!state.equals(last)) {
                last = state;
                list.add(state + " at " + atSeconds + " s");
            }
        }

        boolean reached(String state) {
            return list.stream().anyMatch(entry -> entry.startsWith(state + " "));
        }

        String last() {
            return last;
        }

        List<String> list() {
            return List.copyOf(list);
        }
    }

    /** The gateway's breaker state for a service (its Prometheus gauge), or "unknown". */
    private String breakerState(String service) {
        Api.Answer metrics = api.get(stack.uri("gateway", "/actuator/prometheus"));
        return metrics.status() == 200 ? breakerState(metrics.body(), service) : "unknown";
    }

    /**
     * The state whose {@code resilience4j_circuitbreaker_state} gauge is 1 for a service's breaker, named after
     * the service's route ({@code training} for training-service), in a Prometheus exposition; "unknown" if none.
     */
    static String breakerState(String exposition, String service) {
        String breaker = "name=\"" + service.replaceFirst("-service$", "") + "\"";
        for (String line : exposition.split("\n")) {
            if (line.startsWith("resilience4j_circuitbreaker_state{") && line.contains(breaker)
                    && line.trim().endsWith(" 1.0")) {
                Matcher state = Pattern.compile("state=\"([^\"]+)\"").matcher(line);
                if (state.find()) {
                    return state.group(1);
                }
            }
        }
        return "unknown";
    }

    /** Each service's dead-letter topics and how many records each holds. */
    Map<String, Map<String, Integer>> deadLetters() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        for (String service : FaultStack.SERVICES) {
            Api.Answer answer = api.get(stack.uri(service, base(service) + "/ops/dead-letters"));
            Map<String, Integer> topics = new LinkedHashMap<>();
            Matcher matcher = TOPIC_COUNT.matcher(answer.body() == null ? "" : answer.body());
            while (matcher.find()) {
                topics.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
            all.put(service, topics);
        }
        return all;
    }

    private static int count(Map<String, Map<String, Integer>> deadLetters, String service, String topic) {
        return deadLetters.getOrDefault(service, Map.of()).getOrDefault(topic, 0);
    }

    private static String base(String service) {
        return "/api/" + service.replace("-service", "");
    }

    /** Malformed bytes, data that breaks the type's schema, and an envelope without subject. */
    static List<ProducerRecord<String, byte[]>> poisonFor(String topic) {
        String type = EventCatalog.all().stream().filter(d -> d.topic().equals(topic)).map(EventDescriptor::type)
                .findFirst().orElse("qc.esac.inconnu.v1");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(topic, "poison-malformed", "{pas du json".getBytes(StandardCharsets.UTF_8)));
        records.add(cloudEvent(topic, type, "poison-schema", "{\"inattendu\": true}", true));
        records.add(cloudEvent(topic, type, "poison-no-subject", "{}", false));
        return records;
    }

    private static ProducerRecord<String, byte[]> cloudEvent(String topic, String type, String key, String data,
                                                             boolean subject) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_source", bytes("/fault-suite"));
        headers.add("ce_type", bytes(type));
        if (subject) {
            headers.add("ce_subject", bytes(key));
        }
        headers.add("ce_aggregatesequence", bytes("1"));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

}
