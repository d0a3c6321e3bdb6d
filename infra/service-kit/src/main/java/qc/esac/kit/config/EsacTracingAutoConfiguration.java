package qc.esac.kit.config;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Which requests' spans a service records (as the gateway does). A recorded span costs its attributes, events and
 * timing on every request, and every span around it (the outbox, Kafka, the store) too; it is worth it only when
 * something exports it. With no span exporter configured (no OTLP endpoint: the default, locally and in infra/k8s)
 * no new trace is recorded, but every request still has a trace id: in the logs, and in the {@code traceparent}
 * the outbox gives its events, flagged "not sampled". A trace sampled upstream stays sampled (parent-based). With
 * an exporter ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}),
 * {@code management.tracing.sampling.probability} applies as Spring Boot's own sampler applies it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure."
        + "OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Sampler.class)
public class EsacTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sampler esacRecordOnlyWhenExported(ObjectProvider<SpanExporter> exporters,
            @Value("${management.tracing.sampling.probability:0.1}") double probability) {
        return sampler(exporters.stream().findAny().isPresent(), probability);
    }

    static Sampler sampler(boolean exporting, double probability) {
        return Sampler.parentBased(exporting ? Sampler.traceIdRatioBased(probability) : Sampler.alwaysOff());
    }
}
