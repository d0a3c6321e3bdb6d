package qc.esac.kit.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Operational defaults every service shares, added as the <em>last</em> property source: a
 * service's {@code application.yml}, profile files, environment variables and command line all
 * override them. Runs after Boot's config-data processor, so the application's own files are
 * already in place when we append below them.
 */
public class EsacDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE_NAME = "esacDefaults";
    /** Set to {@code false} for human-readable console logs (e.g. when developing). */
    public static final String JSON_LOGGING_PROPERTY = "esac.logging.json";
    /** The {@code aud} every access token must name (the gateway reads the same variable, ESAC_SECURITY_AUDIENCE). */
    public static final String AUDIENCE_PROPERTY = "esac.security.audience";
    /** The platform API's audience, as infra/identity and the Keycloak realm issue it. */
    public static final String DEFAULT_AUDIENCE = "esac-api";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults(environment)));
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Probes for the orchestrator. Readiness follows the store, not the broker: the outbox exists to ride out a
        // broker outage, so an outage must not take every API out of rotation. Kafka stays in /actuator/health.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Which component is down is worth knowing at a glance; details (addresses, errors) stay hidden.
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo");
        // A service (or a test) without one of them must still start.
        defaults.put("management.endpoint.health.validate-group-membership", "false");
        // Every service checks the token's audience too, not only the gateway (same value as the gateway's).
        defaults.put("spring.security.oauth2.resourceserver.jwt.audiences", "${" + AUDIENCE_PROPERTY + ":"
                + DEFAULT_AUDIENCE + "}");
        // The APIs answer JSON: the OpenAPI documents say so instead of springdoc's "*/*" (qc.esac.kit.docs).
        defaults.put("springdoc.default-produces-media-type", "application/json");
        // Every metric says which service it comes from.
        defaults.put("management.metrics.tags.application", "${spring.application.name:esac}");
        // Sample everything (volumes are modest); traces are only exported when an OTLP
        // endpoint is configured (management.opentelemetry.tracing.export.otlp.endpoint).
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Spring Security's own observations (a span and a timer per filter of every request) cost several percent
        // of a service's CPU per request; the request's server span and timer stay (as in the gateway).
        defaults.put("management.observations.enable.spring.security", "false");
        // No "<timer>.active" long-task timer per observation (a sorted-set insert and removal per request).
        defaults.put("management.metrics.observations.ignored-meters", "long-task-timer");
        // Metrics are scraped by Prometheus; do not push OTLP metrics to a collector that may not exist.
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        // Behind the gateway, links (Location headers) name the gateway's address, from its X-Forwarded-*
        // headers. Services are reached only through the gateway (not exposed outside the cluster).
        defaults.put("server.forward-headers-strategy", "framework");
        // ISO-8601 dates in JSON (Jackson 3's default, stated so that nobody flips it by accident).
        defaults.put("spring.jackson.datatype.datetime.write-dates-as-timestamps", "false");
        // Kafka: keys are aggregate ids, values the events' JSON (CloudEvents binary mode) as bytes, read
        // by the kit's IncomingEvents; a new consumer group starts from the oldest retained event.
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer",
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.properties.isolation.level", "read_committed");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        // An event leaves the outbox only once every in-sync replica has it; retries never duplicate or reorder it.
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer",
                "org.apache.kafka.common.serialization.ByteArraySerializer");
        if (environment.getProperty(JSON_LOGGING_PROPERTY, Boolean.class, true)) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        return defaults;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
