package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * A step of a project's work plan is done. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param stepId id of the step within the project
 * @param title title of the step
 * @param completedOn date the step was marked done
 * @param progressPercent project progress after this step, 0 to 100
 */
public record StepCompleted(String projectId, String stepId, String title, LocalDate completedOn,
                            int progressPercent) implements EventData {
}
