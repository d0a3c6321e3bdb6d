package qc.esac.projects.project;

import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.projects.vocabulary.TargetedIssue;

import java.time.LocalDate;
import java.util.List;

/** The descriptive fields of a project, as created or edited (the lead organization is set at creation only). */
public record ProjectDetails(String name, List<TargetedIssue> targetedIssues, String description, Contact contact,
                             LocalDate startDate, LocalDate endDate, List<String> regionCodes, List<Funding> funding) {

    public ProjectDetails {
        name = name == null ? null : name.strip();
        targetedIssues = targetedIssues == null ? List.of() : List.copyOf(targetedIssues.stream().distinct().toList());
        regionCodes = regionCodes == null ? List.of() : regionCodes.stream().distinct().sorted().toList();
        funding = funding == null ? List.of() : List.copyOf(funding);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw InvalidInputException.of(FieldViolation.of("endDate", "dates.fin-avant-debut"));
        }
    }
}
