package qc.esac.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

import org.junit.jupiter.api.Test;

class TraceSamplingTest {

    private static final String TRACE_ID = "6bf92f3577b34da6a3ce929d0e0e4738";

    @Test
    void withAnExporterTheConfiguredProbabilityApplies() {
        assertThat(rootDecision(TraceSampling.sampler(true, 1.0))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(rootDecision(TraceSampling.sampler(true, 0.0))).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void withoutAnExporterNoNewTraceIsRecorded() {
        assertThat(rootDecision(TraceSampling.sampler(false, 1.0))).isEqualTo(SamplingDecision.DROP);
    }

    private static SamplingDecision rootDecision(Sampler sampler) {
        return sampler.shouldSample(Context.root(), TRACE_ID, "GET", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }
}
