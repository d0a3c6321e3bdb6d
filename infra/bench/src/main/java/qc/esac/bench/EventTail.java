package qc.esac.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Follows a topic from the moment it is opened and stamps each record with the time this program read it
 * ({@link System#nanoTime()} when the poll returned): "the event is on the topic" as any consumer sees it.
 * Keeps the first record of each key (the aggregate id).
 */
final class EventTail implements AutoCloseable {

    /** The first record of a key: where it is and when it was read. */
    record Arrival(String key, int partition, long offset, long nanos) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, CompletableFuture<Arrival>> firsts = new ConcurrentHashMap<>();
    private final List<Consumer<Arrival>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private EventTail(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    static EventTail open(String bootstrapServers, String topic) {
        return new EventTail(Topics.fromEnd(bootstrapServers, topic), topic);
    }

    private void poll() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.key() == null) {
                        continue;
                    }
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    Arrival arrival = new Arrival(key, record.partition(), record.offset(), now);
                    if (firsts.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(arrival)) {
                        listeners.forEach(listener -> listener.accept(arrival));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Called (on the tail's thread, keep it short) for the first record of each key read from now on. */
    void onArrival(Consumer<Arrival> listener) {
        listeners.add(listener);
    }

    /** The first record of {@code key}, or null if none was read yet. */
    Arrival arrival(String key) {
        CompletableFuture<Arrival> arrival = firsts.get(key);
        return arrival == null ? null : arrival.getNow(null);
    }

    /** Completes when the first record of {@code key} is read (at once if it was). */
    CompletableFuture<Arrival> arrivalOf(String key) {
        return firsts.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    /** Waits until every key has arrived or the time is up; returns how many are still missing. */
    long await(Collection<String> keys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long missing = keys.stream().filter(key -> arrival(key) == null).count();
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Pause.millis(20);
        }
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
