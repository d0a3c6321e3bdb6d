package qc.esac.projects.project;

import java.time.LocalDate;

/** A step as written by the lead or the staff; its status changes apart. */
public record StepDefinition(String title, String description, LocalDate dueDate, String responsibleOrganizationId) {
}
