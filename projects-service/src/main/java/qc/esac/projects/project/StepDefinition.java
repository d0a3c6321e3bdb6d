package qc.esac.projects.project;

import java.time.LocalDate;

/**
 * A step as written by the lead or the staff; its status changes apart.
 *
 * @param illustrative an example for a demonstration rather than a step the project announced
 */
public record StepDefinition(String title, String description, LocalDate dueDate, String responsibleOrganizationId,
                             boolean illustrative) {

    public StepDefinition(String title, String description, LocalDate dueDate, String responsibleOrganizationId) {
        this(title, description, dueDate, responsibleOrganizationId, false);
    }
}
