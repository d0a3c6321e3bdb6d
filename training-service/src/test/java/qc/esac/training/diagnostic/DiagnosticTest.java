package qc.esac.training.diagnostic;

import org.junit.jupiter.api.Test;
import qc.esac.events.training.DiagnosticCompleted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.InvalidInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 1);
    private static final List<String> THEMES = List.of("GRH", "GOUVERNANCE", "FINANCES");

    private final Diagnostic opened = Diagnostic.open("d-1", "org-1", "reseau", THEMES, DAY);

    @Test
    void managerAndEmployeesWeighTheSameWhateverTheirNumbers() {
        Diagnostic d = opened
                .answer("e1", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 3, "GOUVERNANCE", 0, "FINANCES", 1), DAY)
                .answer("e2", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 2, "GOUVERNANCE", 0, "FINANCES", 1), DAY)
                .answer("e3", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 3, "GOUVERNANCE", 1, "FINANCES", 1), DAY)
                .answer("m1", Diagnostic.Role.MANAGER, Map.of("GRH", 1, "GOUVERNANCE", 3, "FINANCES", 0), DAY);

        List<Consolidation.Priority> ranked = Consolidation.rank(THEMES, d.answers());

        // GRH: (2.67 + 1) / 2 = 1.83; GOUVERNANCE: (0.33 + 3) / 2 = 1.67; FINANCES: (1 + 0) / 2 = 0.5
        assertThat(ranked).extracting(Consolidation.Priority::theme).containsExactly("GRH", "GOUVERNANCE", "FINANCES");
        assertThat(ranked).extracting(p -> p.score().toPlainString()).containsExactly("1.83", "1.67", "0.50");
        assertThat(ranked).extracting(Consolidation.Priority::rank).containsExactly(1, 2, 3);
        assertThat(ranked.get(0).importantFor()).isEqualTo(3);
    }

    @Test
    void tiesGoToTheThemeMorePeopleFindImportantAndNoNeedIsNoPriority() {
        Diagnostic d = opened
                .answer("e1", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 2, "GOUVERNANCE", 3, "FINANCES", 0), DAY)
                .answer("e2", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 2, "GOUVERNANCE", 1, "FINANCES", 0), DAY);
        assertThat(Consolidation.rank(THEMES, d.answers())).extracting(Consolidation.Priority::theme)
                .containsExactly("GRH", "GOUVERNANCE");
    }

    @Test
    void answeringAgainReplacesTheFirstAnswer() {
        Diagnostic d = opened
                .answer("e1", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 3, "GOUVERNANCE", 3, "FINANCES", 3), DAY)
                .answer("e1", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 1, "GOUVERNANCE", 0, "FINANCES", 0), DAY);
        assertThat(d.count(Diagnostic.Role.EMPLOYEE)).isEqualTo(1);
        assertThat(Consolidation.rank(THEMES, d.answers())).singleElement().satisfies(p -> assertThat(p.theme()).isEqualTo("GRH"));
    }

    @Test
    void everyThemeOfTheQuestionnaireAndOnlyThoseAreRatedFromZeroToThree() {
        assertThatThrownBy(() -> opened.answer("e1", Diagnostic.Role.EMPLOYEE,
                Map.of("GRH", 4, "AUTRE", 1, "FINANCES", 1), DAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code()).containsExactlyInAnyOrder(
                                "ratings.GRH diagnostic.note-hors-echelle",
                                "ratings.AUTRE diagnostic.theme-hors-questionnaire",
                                "ratings.GOUVERNANCE diagnostic.theme-sans-reponse"));
    }

    @Test
    void closingNeedsTheManagerAndTheMinimumOfEmployeesThenFreezesTheRanking() {
        Diagnostic employeeOnly = opened.answer("e1", Diagnostic.Role.EMPLOYEE,
                Map.of("GRH", 2, "GOUVERNANCE", 1, "FINANCES", 0), DAY);
        assertThatThrownBy(() -> employeeOnly.complete(DAY, 1)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.args()).containsExactly("1", "0", "1"));
        Diagnostic withManager = employeeOnly.answer("m1", Diagnostic.Role.MANAGER,
                Map.of("GRH", 3, "GOUVERNANCE", 0, "FINANCES", 0), DAY);
        // One employee's answers would be readable from the averages: under the minimum, closing is refused.
        assertThatThrownBy(() -> withManager.complete(DAY, 3)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.args()).containsExactly("1", "1", "3"));

        Change<Diagnostic> change = withManager.complete(DAY.plusDays(7), 1);
        DiagnosticCompleted completed = (DiagnosticCompleted) change.events().get(0);
        assertThat(completed.priorities()).extracting(p -> p.theme()).containsExactly("GRH", "GOUVERNANCE");
        assertThat(completed.employeeResponses()).isEqualTo(1);
        assertThat(change.state().results()).extracting(Consolidation.Priority::theme)
                .containsExactly("GRH", "GOUVERNANCE");
        assertThatThrownBy(() -> change.state().answer("e2", Diagnostic.Role.EMPLOYEE,
                Map.of("GRH", 1, "GOUVERNANCE", 1, "FINANCES", 1), DAY)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void anOpenDiagnosticShowsNoResults() {
        Diagnostic d = opened
                .answer("e1", Diagnostic.Role.EMPLOYEE, Map.of("GRH", 3, "GOUVERNANCE", 0, "FINANCES", 1), DAY)
                .answer("m1", Diagnostic.Role.MANAGER, Map.of("GRH", 1, "GOUVERNANCE", 3, "FINANCES", 0), DAY);
        assertThat(d.results()).isEmpty();
    }
}
