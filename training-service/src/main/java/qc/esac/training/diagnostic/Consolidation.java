package qc.esac.training.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns questionnaires into ranked priorities. The manager's view and the staff's view weigh the same, however
 * many employees answered: score = (employees' average + managers' average) / 2, or the one that exists. Ties go
 * to the theme more people rated important (2 or more), then by code. Themes nobody needs (score 0) are left out.
 */
public final class Consolidation {

    private Consolidation() {
    }

    public record Priority(String theme, BigDecimal score, int rank, BigDecimal employeeAverage,
                           BigDecimal managerAverage, int importantFor) {
    }

    public static List<Priority> rank(List<String> themes, List<Diagnostic.Answer> answers) {
        List<Priority> scored = new ArrayList<>();
        for (String theme : themes) {
            OptionalDouble employees = average(answers, theme, Diagnostic.Role.EMPLOYEE);
            OptionalDouble managers = average(answers, theme, Diagnostic.Role.MANAGER);
            if (employees.isEmpty() && managers.isEmpty()) {
                continue;
            }
            double score = employees.isPresent() && managers.isPresent()
                    ? (employees.getAsDouble() + managers.getAsDouble()) / 2
                    : employees.isPresent() ? employees.getAsDouble() : managers.getAsDouble();
            int important = (int) answers.stream().filter(a -> a.ratings().getOrDefault(theme, 0) >= 2).count();
            if (score > 0) {
                scored.add(new Priority(theme, round(score), 0, employees.isPresent() ? round(employees.getAsDouble())
                        : null, managers.isPresent() ? round(managers.getAsDouble()) : null, important));
            }
        }
        scored.sort(Comparator.comparing(Priority::score).reversed()
                .thenComparing(Comparator.comparingInt(Priority::importantFor).reversed())
                .thenComparing(Priority::theme));
        List<Priority> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Priority p = scored.get(i);
            ranked.add(new Priority(p.theme(), p.score(), i + 1, p.employeeAverage(), p.managerAverage(),
                    p.importantFor()));
        }
        return ranked;
    }

    private static OptionalDouble average(List<Diagnostic.Answer> answers, String theme, Diagnostic.Role role) {
        return answers.stream().filter(a -> a.role() == role && a.ratings().containsKey(theme))
                .mapToInt(a -> a.ratings().get(theme)).average();
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
