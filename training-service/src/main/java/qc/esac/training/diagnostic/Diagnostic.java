package qc.esac.training.diagnostic;

import qc.esac.events.training.DiagnosticCompleted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An organization's training-needs diagnostic: each employee and the manager rate, per theme, how much training
 * they need (0 none, 1 some, 2 important, 3 urgent); closing it consolidates the answers into ranked priorities.
 * Answers are confidential: only the consolidation is ever shown, once closed with enough respondents.
 */
public record Diagnostic(String id, String organizationId, String networkId, List<String> themes,
                         DiagnosticStatus status, LocalDate openedOn, LocalDate completedOn,
                         List<Answer> answers, List<Consolidation.Priority> priorities) {

    public static final int MAX_RATING = 3;

    public Diagnostic {
        themes = List.copyOf(themes);
        answers = answers == null ? List.of() : List.copyOf(answers);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    public enum DiagnosticStatus { OPEN, COMPLETED }

    public enum Role { EMPLOYEE, MANAGER }

    /** One person's questionnaire; answering again replaces it. */
    public record Answer(String respondentId, Role role, Map<String, Integer> ratings, LocalDate answeredOn) {
    }

    public static Diagnostic open(String id, String organizationId, String networkId, List<String> themes,
                                  LocalDate today) {
        return new Diagnostic(id, organizationId, networkId, themes.stream().distinct().toList(),
                DiagnosticStatus.OPEN, today, null, List.of(), List.of());
    }

    public Diagnostic answer(String respondentId, Role role, Map<String, Integer> ratings, LocalDate today) {
        if (status != DiagnosticStatus.OPEN) {
            throw new BusinessRuleException("diagnostic.ferme", completedOn.toString());
        }
        List<FieldViolation> violations = new ArrayList<>();
        ratings.forEach((theme, rating) -> {
            if (!themes.contains(theme)) {
                violations.add(FieldViolation.of("ratings." + theme, "diagnostic.theme-hors-questionnaire"));
            } else if (rating == null || rating < 0 || rating > MAX_RATING) {
                violations.add(FieldViolation.of("ratings." + theme, "diagnostic.note-hors-echelle"));
            }
        });
        themes.stream().filter(t -> !ratings.containsKey(t))
                .forEach(t -> violations.add(FieldViolation.of("ratings." + t, "diagnostic.theme-sans-reponse")));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<Answer> updated = new ArrayList<>(answers.stream().filter(a -> !a.respondentId().equals(respondentId))
                .toList());
        updated.add(new Answer(respondentId, role, Map.copyOf(ratings), today));
        return new Diagnostic(id, organizationId, networkId, themes, status, openedOn, completedOn, updated,
                priorities);
    }

    /**
     * Closes the diagnostic: it needs the manager's questionnaire and at least {@code minimumEmployees} employees'
     * (below that, averages would let the manager, or a colleague, read one person's answers; closing is then
     * refused and the diagnostic stays open for more answers).
     */
    public Change<Diagnostic> complete(LocalDate today, int minimumEmployees) {
        if (status != DiagnosticStatus.OPEN) {
            throw new BusinessRuleException("diagnostic.ferme", completedOn.toString());
        }
        long managers = count(Role.MANAGER);
        long employees = count(Role.EMPLOYEE);
        if (managers == 0 || employees < Math.max(1, minimumEmployees)) {
            throw new BusinessRuleException("diagnostic.reponses-insuffisantes", String.valueOf(employees),
                    String.valueOf(managers), String.valueOf(Math.max(1, minimumEmployees)));
        }
        List<Consolidation.Priority> ranked = Consolidation.rank(themes, answers);
        Diagnostic completed = new Diagnostic(id, organizationId, networkId, themes, DiagnosticStatus.COMPLETED,
                openedOn, today, answers, ranked);
        return Change.of(completed, new DiagnosticCompleted(id, organizationId, (int) employees,
                (int) managers, ranked.stream().map(p -> new DiagnosticCompleted.Priority(p.theme(), p.score(),
                p.rank())).toList(), today));
    }

    public long count(Role role) {
        return answers.stream().filter(a -> a.role() == role).count();
    }

    /** The ranking, once the diagnostic is closed; nothing while it is open (live averages reveal answers). */
    public List<Consolidation.Priority> results() {
        return status == DiagnosticStatus.COMPLETED ? priorities : List.of();
    }
}
