package qc.esac.projects.project;

import java.time.LocalDate;

/**
 * A step of a project's work plan; the plan's order is the order of the project's list.
 *
 * @param responsibleOrganizationId the partner in charge, or {@code null}
 * @param completedOn               when it was marked done
 * @param illustrative              an example written for a demonstration, not a step the project announced;
 *                                  readers are told so ({@code null}, from documents written before, is false)
 */
public record Step(String id, String title, String description, StepStatus status, LocalDate dueDate,
                   String responsibleOrganizationId, LocalDate completedOn, Boolean illustrative) {

    public Step {
        illustrative = Boolean.TRUE.equals(illustrative);
    }

    /** Past its due date and neither done nor cancelled. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status != StepStatus.DONE
                && status != StepStatus.CANCELLED;
    }
}
