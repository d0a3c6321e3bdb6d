package qc.esac.kit.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces cross Kafka: a request carrying a W3C {@code traceparent} writes an aggregate, the relay publishes its
 * event later on its own thread, and the consumer's span belongs to the request's trace.
 */
@SpringBootTest(classes = TraceAcrossKafkaIT.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=trace-service", "esac.security.public-post-paths=/trace-test/**",
                "spring.kafka.consumer.auto-offset-reset=earliest"})
class TraceAcrossKafkaIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Writer.class, Reader.class})
    static class Service {
    }

    record Thing(String name) {
    }

    @RestController
    static class Writer {
        private final AggregateStore<Thing> things;

        Writer(AggregateStores stores) {
            this.things = stores.forCollection("trace_things", Thing.class);
        }

        @PostMapping("/trace-test/{id}")
        void write(@PathVariable String id) {
            things.insert(id, new Thing("traced"),
                    List.of(new OrganizationRegistered(id, "Coopérative tracée", "1234567890", "OBNL", "06", List.of())));
        }
    }

    static class Reader {
        final Map<String, CompletableFuture<String>> traceIdBySubject = new ConcurrentHashMap<>();
        private final Tracer tracer;

        Reader(Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "trace-across-kafka-it")
        void read(ConsumerRecord<String, byte[]> record) {
            Span span = tracer.currentSpan();
            traceIdBySubject.computeIfAbsent(record.key(), k -> new CompletableFuture<>())
                    .complete(span == null ? "no span" : span.context().traceId());
        }

        CompletableFuture<String> traceOf(String subject) {
            return traceIdBySubject.computeIfAbsent(subject, k -> new CompletableFuture<>());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Reader reader;

    @Test
    void theConsumersSpanHasTheTraceIdOfTheRequestThatWroteTheEvent() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/trace-test/" + id))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reader.traceOf(id).get(30, TimeUnit.SECONDS)).isEqualTo(traceId);
    }
}
