package qc.esac.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTest {

    @Test
    void sumsEverySeriesOfTheMetricAndNothingElse() {
        String exposition = """
                # HELP esac_outbox_backlog Events written to an outbox and not yet acknowledged by Kafka
                # TYPE esac_outbox_backlog gauge
                esac_outbox_backlog{application="membership-service",collection="organizations"} 12.0
                esac_outbox_backlog{application="membership-service",collection="memberships"} 3.0
                esac_outbox_backlog_oldest 99.0
                esac_outbox_oldest_age_seconds 4.0
                """;

        assertThat(Prometheus.sum(exposition, "esac_outbox_backlog")).isEqualTo(15.0);
        assertThat(Prometheus.sum("esac_outbox_backlog 0.0\n", "esac_outbox_backlog")).isZero();
    }

    @Test
    void aMissingMetricIsNotMeasuredRatherThanZero() {
        assertThat(Prometheus.sum("jvm_threads_live_threads 40.0\n", "esac_outbox_backlog")).isNaN();
    }
}
