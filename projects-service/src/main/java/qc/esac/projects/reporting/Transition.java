package qc.esac.projects.reporting;

import java.time.LocalDate;

/** One step of a period's workflow: who moved it to which status, when, and why (a return's reason). */
public record Transition(PeriodStatus status, LocalDate on, String by, String comment) {
}
