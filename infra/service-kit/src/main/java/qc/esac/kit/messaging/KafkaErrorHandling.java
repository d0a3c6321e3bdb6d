package qc.esac.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import qc.esac.events.Topics;

import java.nio.charset.StandardCharsets;

/**
 * The error handler of every listener: transient failures are retried with exponential backoff; records
 * that cannot be processed, or keep failing, are published to {@code <topic>.DLT} with the reason and the
 * original topic, partition and offset in headers, counted in {@code esac.kafka.dead.letters}, and the
 * listener goes on with the next record. If the dead-letter topic itself cannot be written, the record is
 * not skipped: it is retried, so nothing is lost.
 */
public final class KafkaErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    private KafkaErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> template,
                                                   KafkaErrorProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders().add(new RecordHeader(
                DeadLetterHeaders.REASON, reason(exception).getBytes(StandardCharsets.UTF_8))));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
        backOff.setInitialInterval(properties.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            count(meters, record, exception);
            log.warn("Record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), reason(exception));
        }, backOff);
        handler.addNotRetryableExceptions(UnprocessableEventException.class, DeserializationException.class);
        return handler;
    }

    private static void count(MeterRegistry meters, ConsumerRecord<?, ?> record, Exception exception) {
        Counter.builder("esac.kafka.dead.letters")
                .description("Records sent to a dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", rootCause(exception).getClass().getSimpleName())
                .register(meters)
                .increment();
    }

    static String reason(Throwable exception) {
        Throwable root = rootCause(exception);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable current = exception;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof UnprocessableEventException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
