package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestInfrastructure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long training takes to apply a membership event at a steady rate (issue 12's target 2, the part after
 * the topic), in one JVM: registrations are published at an open-model rate (record <i>i</i> sent at
 * {@code start + i / rate}, whatever happened before), and each one's latency runs from that intended send to the
 * training group's first offset commit past the record (what {@code infra/bench}'s {@code AppliedSignal} reads from
 * {@code __consumer_offsets}: the listener commits only after applying). "on topic" is the same start to the
 * producer's acknowledgement, "topic -> applied" that acknowledgement to the commit (training's own part). Not part of the build:
 * {@code ./mvnw -B -pl training-service -am verify -Dtest=MembershipLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rates=50,200 -Dbench.seconds=20}; {@code -Dbench.modes=sync,async} runs each rate once per listed
 * mode, in that order, the listener restarted in between: see {@link #configure}). Training's part is also split:
 * acknowledgement -> the listener handed the record ("to listener": the fetch), the listener's time with it
 * ("in listener"), and its return -> the commit ("to commit").
 */
@SpringBootTest
class MembershipLatencyBenchmark {

    private static final String GROUP = "training-service";
    private static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    /** Per partition of the membership topic: the offsets training's group committed and when, in order. */
    private static final Map<Integer, List<long[]>> COMMITS = new ConcurrentHashMap<>();
    /** Per "partition@offset": when training's listener was handed the record, and when it returned. */
    private static final Map<String, long[]> HANDLED = new ConcurrentHashMap<>();

    @Autowired
    KnownOrganizations organizations;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @TestConfiguration
    static class CommitsObserved {

        /** Every commit of training's group on the membership topic, timed when the broker acknowledged it. */
        @Bean
        DefaultKafkaConsumerFactoryCustomizer observeCommits() {
            return factory -> factory.addPostProcessor(consumer -> observed(consumer));
        }

        /** The kit's batches, timing when the listener was handed each record and when it returned. */
        @Bean
        @Primary
        EventBatches timedBatches(IncomingEvents events, IdempotentUpdates updates) {
            return new EventBatches(events, updates) {
                @Override
                public void consume(List<ConsumerRecord<String, byte[]>> records, EventDispatcher dispatcher) {
                    long entered = System.nanoTime();
                    try {
                        super.consume(records, dispatcher);
                    } finally {
                        long left = System.nanoTime();
                        for (ConsumerRecord<String, byte[]> record : records) {
                            HANDLED.put(record.partition() + "@" + record.offset(), new long[] {entered, left});
                        }
                    }
                }
            };
        }
    }

    @Test
    void trainingAppliesRegistrationsAtSteadyRates() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        List<Integer> rates = Arrays.stream(System.getProperty("bench.rates", "50,200").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        // Modes to compare, alternating in this JVM (the container restarted with each).
        List<String> modes = Arrays.stream(System.getProperty("bench.modes", "").split(","))
                .map(String::trim).filter(m -> !m.isEmpty()).toList();
        run(100, 10, "warm-up");
        for (int rate : rates) {
            if (modes.isEmpty()) {
                run(rate, seconds, "measured");
            }
            for (String mode : modes) {
                configure(mode);
                run(rate, seconds, mode);
            }
        }
    }

    /** {@code mode}: "sync" or "async" offset commits. */
    private void configure(String mode) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> GROUP.equals(c.getGroupId())).findFirst().orElseThrow();
        container.stop();
        container.getContainerProperties().setSyncCommits(mode.startsWith("sync"));
        container.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((container.getAssignedPartitions() == null || container.getAssignedPartitions().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000);
    }

    private void run(int rate, int seconds, String label) throws Exception {
        int count = rate * seconds;
        long gcBefore = gcMillis();
        Map<String, Long> cpuBefore = listenerCpu();
        long[] intended = new long[count];
        long[] onTopic = new long[count];
        List<CompletableFuture<long[]>> sent = new ArrayList<>(count);
        String lastId = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new ByteArraySerializer())) {
            long start = System.nanoTime() + 100_000_000L;
            long period = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                long at = start + i * period;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                intended[i] = at;
                String id = UUID.randomUUID().toString();
                lastId = id;
                int index = i;
                CompletableFuture<long[]> done = new CompletableFuture<>();
                producer.send(TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP, UUID.randomUUID().toString(),
                        REGISTERED, id, 1, data(id, "Organisation " + i)), (metadata, error) -> {
                    onTopic[index] = System.nanoTime();
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        done.complete(new long[] {metadata.partition(), metadata.offset()});
                    }
                });
                sent.add(done);
            }
            producer.flush();
        }
        long[] applied = new long[count];
        long[] afterTopic = new long[count];
        long[] toListener = new long[count];
        long[] inListener = new long[count];
        long[] toCommit = new long[count];
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < count; i++) {
            long[] at = sent.get(i).get();
            long committed;
            while ((committed = firstCommitPast((int) at[0], at[1])) < 0) {
                assertThat(System.nanoTime()).as("record %d applied within 3 minutes", i).isLessThan(deadline);
                Thread.sleep(5);
            }
            applied[i] = committed - intended[i];
            afterTopic[i] = committed - onTopic[i];
            long[] handled = HANDLED.get(at[0] + "@" + at[1]);
            if (handled != null) {
                toListener[i] = handled[0] - onTopic[i];
                inListener[i] = handled[1] - handled[0];
                toCommit[i] = committed - handled[1];
            }
            onTopic[i] -= intended[i];
        }
        System.out.printf("%n[latency %s] %d/s for %d s: on topic %s; applied by training %s; topic -> applied %s "
                + "(load %.1f)%n%n", label, rate, seconds, percentiles(onTopic), percentiles(applied),
                percentiles(afterTopic), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("[split %s] %d/s: to listener %s; in listener %s; to commit %s; GC %d ms%n%n", label, rate,
                percentiles(toListener), percentiles(inListener), percentiles(toCommit), gcMillis() - gcBefore);
        Map<String, Long> cpuAfter = listenerCpu();
        cpuAfter.forEach((group, nanos) -> System.out.printf("[cpu %s] %d/s: group %s's listener thread %.1f ms, "
                + "%.1f µs per record%n", label, rate, group, (nanos - cpuBefore.getOrDefault(group, 0L)) / 1e6,
                (nanos - cpuBefore.getOrDefault(group, 0L)) / 1e3 / count));
        assertThat(organizations.find(lastId)).isPresent();
    }

    /** CPU time of each listener container's consumer threads, by consumer group. */
    private Map<String, Long> listenerCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String prefix = container.getListenerId() + "-";
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(prefix)) {
                    byGroup.merge(container.getGroupId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())),
                            Long::sum);
                }
            }
        }
        return byGroup;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static long firstCommitPast(int partition, long offset) {
        List<long[]> commits = COMMITS.getOrDefault(partition, List.of());
        synchronized (commits) {
            for (long[] commit : commits) {
                if (commit[0] > offset) {
                    return commit[1];
                }
            }
        }
        return -1;
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 %.1f / p90 %.1f / p99 %.1f / max %.1f ms".formatted(ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void record(Map<TopicPartition, OffsetAndMetadata> offsets, long at) {
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(Topics.MEMBERSHIP)) {
                List<long[]> commits = COMMITS.computeIfAbsent(partition.partition(), p -> new ArrayList<>());
                synchronized (commits) {
                    commits.add(new long[] {offset.offset(), at});
                }
            }
        });
    }

    /** {@code consumer}, whose commits for training's group are recorded once the broker acknowledged them. */
    @SuppressWarnings("unchecked")
    private static <K, V> Consumer<K, V> observed(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                (proxy, method, args) -> {
                    boolean commit = method.getName().startsWith("commit") && args != null && args.length > 0
                            && args[0] instanceof Map<?, ?> && GROUP.equals(consumer.groupMetadata().groupId());
                    if (commit && method.getName().equals("commitAsync") && args.length == 2) {
                        Map<TopicPartition, OffsetAndMetadata> offsets = (Map<TopicPartition, OffsetAndMetadata>) args[0];
                        OffsetCommitCallback callback = (OffsetCommitCallback) args[1];
                        args[1] = (OffsetCommitCallback) (done, error) -> {
                            if (error == null) {
                                record(offsets, System.nanoTime());
                            }
                            if (callback != null) {
                                callback.onComplete(done, error);
                            }
                        };
                    }
                    try {
                        Object result = method.invoke(consumer, args);
                        if (commit && method.getName().equals("commitSync")) {
                            record((Map<TopicPartition, OffsetAndMetadata>) args[0], System.nanoTime());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String data(String id, String name) {
        return """
                {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "OBNL",
                 "regionCode": "06", "sectorCodes": ["ECONOMIE_SOCIALE"]}
                """.formatted(id, name);
    }
}
