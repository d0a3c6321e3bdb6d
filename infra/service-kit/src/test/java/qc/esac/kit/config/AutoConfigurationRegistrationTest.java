package qc.esac.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import qc.esac.kit.idempotency.IdempotencyAutoConfiguration;
import qc.esac.kit.observability.EsacObservabilityAutoConfiguration;
import qc.esac.kit.security.EsacSecurityAutoConfiguration;
import qc.esac.kit.web.EsacWebAutoConfiguration;

/** Services get the kit by depending on it: the auto-configurations must be registered. */
class AutoConfigurationRegistrationTest {

    @Test
    void kitAutoConfigurationsAreRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(EsacMessagesAutoConfiguration.class.getName(), EsacWebAutoConfiguration.class.getName(),
                        EsacSecurityAutoConfiguration.class.getName(),
                        EsacObservabilityAutoConfiguration.class.getName(),
                        IdempotencyAutoConfiguration.class.getName(),
                        EsacMongoAutoConfiguration.class.getName(), EsacTracingAutoConfiguration.class.getName(),
                        qc.esac.kit.docs.EsacDocsAutoConfiguration.class.getName());
    }
}
