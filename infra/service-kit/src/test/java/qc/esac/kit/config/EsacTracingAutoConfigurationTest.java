package qc.esac.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans are recorded only when something exports them; a trace sampled upstream stays sampled. */
class EsacTracingAutoConfigurationTest {

    private static final String TRACE_ID = "6bf92f3577b34da6a3ce929d0e0e4738";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EsacTracingAutoConfiguration.class))
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    void withoutAnExporterNoNewTraceIsRecordedButASampledParentStaysSampled() {
        contexts.run(context -> {
            Sampler sampler = context.getBean(Sampler.class);
            assertThat(decision(sampler, Context.root())).isEqualTo(SamplingDecision.DROP);
            SpanContext sampledParent = SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7",
                    TraceFlags.getSampled(), TraceState.getDefault());
            assertThat(decision(sampler, Context.root().with(Span.wrap(sampledParent))))
                    .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        });
    }

    @Test
    void withAnExporterTheConfiguredProbabilityApplies() {
        contexts.withBean(SpanExporter.class, NoExport::new).run(context ->
                assertThat(decision(context.getBean(Sampler.class), Context.root()))
                        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE));
        contexts.withBean(SpanExporter.class, NoExport::new)
                .withPropertyValues("management.tracing.sampling.probability=0.0").run(context ->
                        assertThat(decision(context.getBean(Sampler.class), Context.root()))
                                .isEqualTo(SamplingDecision.DROP));
    }

    private static SamplingDecision decision(Sampler sampler, Context parent) {
        return sampler.shouldSample(parent, TRACE_ID, "POST", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }

    private static final class NoExport implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
