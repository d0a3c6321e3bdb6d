package qc.esac.projects.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.vocabulary.VocabularyFamily;

/** The reporting vocabularies listed by {@code GET /api/projects/vocabulary}. */
@Configuration(proxyBeanMethods = false)
class ReportingVocabularies {

    @Bean
    VocabularyFamily periodStatuses() {
        return new VocabularyFamily("statut-periode", PeriodStatus.class);
    }

    @Bean
    VocabularyFamily progressLabels() {
        return new VocabularyFamily("appreciation", ProgressLabel.class);
    }

    @Bean
    VocabularyFamily platformSources() {
        return new VocabularyFamily("source", PlatformSource.class);
    }
}
