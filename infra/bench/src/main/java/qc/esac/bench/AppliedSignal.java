package qc.esac.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * When a consumer group has applied a record, without asking the service: the group's offset commits, read as
 * they are written to {@code __consumer_offsets}. A service's listener commits a record's offset only after it
 * handled it (Spring Kafka's default: after the records of a poll are all handled), so the first commit past a
 * record's offset says "applied", at most one poll's worth of records late. Nothing is polled over HTTP and
 * nothing extra loads the service.
 */
final class AppliedSignal implements AutoCloseable {

    private final String group;
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private final CommitLog log = new CommitLog();

    private AppliedSignal(String bootstrapServers, String group, String topic) {
        this.group = group;
        this.topic = topic;
        this.consumer = Topics.fromEnd(bootstrapServers, Topics.CONSUMER_OFFSETS);
        this.thread = new Thread(this::poll, "applied-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    /** Follows {@code group}'s commits on {@code topic} from now on. */
    static AppliedSignal open(String bootstrapServers, String group, String topic) {
        return new AppliedSignal(bootstrapServers, group, topic);
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    OffsetCommit.decode(record.key(), record.value())
                            .filter(commit -> commit.group().equals(group) && commit.topic().equals(topic))
                            .ifPresent(commit -> log.committed(commit.partition(), commit.offset(), now));
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Completes with the time ({@link System#nanoTime()}) this program read the first commit of the group past
     * {@code offset} of {@code partition}: at once if it was already read.
     */
    CompletableFuture<Long> applied(int partition, long offset) {
        return log.applied(partition, offset);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
