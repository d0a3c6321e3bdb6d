package qc.esac.projects.project;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import qc.esac.projects.vocabulary.VocabularyFamily;

/** The project vocabularies listed by {@code GET /api/projects/vocabulary}. */
@Configuration(proxyBeanMethods = false)
class ProjectVocabularies {

    @Bean
    VocabularyFamily projectStatuses() {
        return new VocabularyFamily("statut-projet", ProjectStatus.class);
    }

    @Bean
    VocabularyFamily stepStatuses() {
        return new VocabularyFamily("statut-etape", StepStatus.class);
    }

    @Bean
    VocabularyFamily indicatorKinds() {
        return new VocabularyFamily("nature-indicateur", IndicatorKind.class);
    }
}
