package qc.esac.gateway.edge;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which requests' spans are recorded. A recorded span costs its attributes, events and timing on every call (5 %
 * of the gateway's CPU in its profile); it is worth it only when something exports it. With no span exporter
 * configured (no OTLP endpoint: the default, locally and in infra/k8s) no new trace is recorded, but every request
 * still gets a trace id: {@code traceparent} to the services, {@code traceresponse} to the client and the ids in
 * the logs, all as before, flagged "not sampled". A trace sampled upstream stays sampled (parent-based), so a
 * caller that records traces still sees the gateway's hop. With an exporter (e.g.
 * {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}), {@code management.tracing.sampling.probability}
 * applies as Spring Boot's default sampler would apply it.
 */
@Configuration(proxyBeanMethods = false)
class TraceSampling {

    @Bean
    Sampler recordOnlyWhenExported(ObjectProvider<SpanExporter> exporters,
                                   @Value("${management.tracing.sampling.probability:0.1}") double probability) {
        return sampler(exporters.stream().findAny().isPresent(), probability);
    }

    static Sampler sampler(boolean exporting, double probability) {
        return Sampler.parentBased(exporting ? Sampler.traceIdRatioBased(probability) : Sampler.alwaysOff());
    }
}
