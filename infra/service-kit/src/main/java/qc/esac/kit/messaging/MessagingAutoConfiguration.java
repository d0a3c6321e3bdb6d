package qc.esac.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import qc.esac.events.EventDescriptor;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.OutboxBacklog;
import qc.esac.kit.outbox.OutboxEventFactory;
import qc.esac.kit.outbox.OutboxProperties;
import qc.esac.kit.outbox.OutboxRelay;
import qc.esac.kit.time.QuebecTime;
import qc.esac.kit.time.ShiftedClock;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The event backbone every service gets: aggregate stores with their outbox, the relay that publishes
 * them, idempotent read-model updates, contract-checked consumption, and Kafka error handling with dead
 * letters.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class,
        after = {DataMongoAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties({OutboxProperties.class, KafkaErrorProperties.class})
public class MessagingAutoConfiguration {

    /**
     * The system clock in {@code esac.clock.zone} (default Quebec's, {@link QuebecTime#ZONE}: the networks count
     * days there; services still ask {@link QuebecTime#today} rather than trust a configured zone); a test stack may set {@code esac.clock.offset-file} (env
     * {@code ESAC_CLOCK_OFFSET_FILE}) to move every service's days forward together (see {@link ShiftedClock}).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${esac.clock.offset-file:}") String offsetFile, @Value("${esac.clock.zone:}") String zoneId) {
        ZoneId zone = zoneId.isBlank() ? QuebecTime.ZONE : ZoneId.of(zoneId);
        if (offsetFile.isBlank()) {
            return Clock.system(zone);
        }
        LoggerFactory.getLogger(MessagingAutoConfiguration.class)
                .warn("Test clock: days move forward as {} says (esac.clock.offset-file); never in production", offsetFile);
        return new ShiftedClock(Path.of(offsetFile)).withZone(zone);
    }

    /**
     * The producer of platform events and dead letters. Its guarantees are not left to configuration:
     * every write is acknowledged by all in-sync replicas and retries cannot duplicate or reorder.
     */
    @Bean
    KafkaTemplate<String, byte[]> esacEventTemplate(KafkaProperties kafka, OutboxProperties outbox) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                eventProducerConfig(kafka.buildProducerProperties(), outbox.sendTimeout()),
                new StringSerializer(), new ByteArraySerializer()));
        template.setObservationEnabled(true);
        return template;
    }

    /**
     * The event producer's settings: {@code base} (Spring's {@code spring.kafka.producer.*}), then what the outbox
     * relay relies on, which configuration cannot change. The delivery timeout is the relay's {@code sendTimeout}.
     * <p>
     * {@code metadata.recovery.strategy=none}: when no broker answers, the producer keeps the partitions it knows
     * instead of falling back to its bootstrap servers (the client's default since Kafka 4.0). Falling back forgets
     * them, and every send then blocks its caller up to {@code max.block.ms} waiting for a broker; the relay sends a
     * create's events from the request's own thread, which must not wait for Kafka. Brokers are reached by stable
     * names (the compose services, the StatefulSet's headless service), so the known addresses stay right.
     */
    public static Map<String, Object> eventProducerConfig(Map<String, Object> base, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int deliveryTimeout = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, deliveryTimeout / 2));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return config;
    }

    /**
     * Events name their schema ({@code ce_dataschema}) at the address this deployment serves it:
     * {@code esac.events.schema-base-url} (env {@code ESAC_EVENTS_SCHEMA_BASE_URL}, the gateway's public URL, which
     * serves {@code /schemas/...}); unset, the schemas' canonical ids.
     */
    @Bean
    OutboxEventFactory outboxEventFactory(JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer,
                                          @Value("${esac.events.schema-base-url:}") String schemaBaseUrl) {
        return new OutboxEventFactory(json, clock, tracer, schemaBaseUrl.isBlank()
                ? EventDescriptor.CANONICAL_SCHEMA_BASE : URI.create(schemaBaseUrl));
    }

    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new OutboxBacklog(mongo, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> esacEventTemplate,
                            OutboxProperties properties, Clock clock, OutboxBacklog backlog,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new OutboxRelay(mongo, esacEventTemplate, properties, clock, backlog, tracer.getIfAvailable(),
                propagator.getIfAvailable());
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo, OutboxEventFactory events, OutboxRelay relay,
            org.springframework.core.env.Environment environment) {
        return new AggregateStores(mongo, events, relay, qc.esac.kit.outbox.WriteFaultPoint.from(environment));
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json) {
        return new IncomingEvents(json);
    }

    @Bean
    IdempotentUpdates idempotentUpdates(MongoTemplate mongo) {
        return new IdempotentUpdates(mongo);
    }

    @Bean
    EventBatches eventBatches(IncomingEvents incomingEvents, IdempotentUpdates idempotentUpdates) {
        return new EventBatches(incomingEvents, idempotentUpdates);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> esacEventTemplate,
                                         KafkaErrorProperties properties, ObjectProvider<MeterRegistry> meters) {
        return KafkaErrorHandling.errorHandler(esacEventTemplate, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Picked up by Spring Boot's listener container factory: replays reach only the group that asked for them. */
    @Bean
    @ConditionalOnMissingBean(RecordFilterStrategy.class)
    RecordFilterStrategy<Object, Object> replayedForOtherGroups() {
        return new ReplayedForOtherGroups();
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<String, byte[]> esacEventTemplate,
                            MongoTemplate mongo, KafkaListenerEndpointRegistry listeners, Clock clock) {
        return new DeadLetters(kafka.buildConsumerProperties(), esacEventTemplate, mongo, listeners, clock);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
