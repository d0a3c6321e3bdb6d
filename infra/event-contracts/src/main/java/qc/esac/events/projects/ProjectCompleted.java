package qc.esac.events.projects;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * A project is finished; its results stay readable. Subject: the project id.
 *
 * @param projectId id of the project; the event subject and record key
 * @param name name of the project
 * @param completedOn date the project was completed
 * @param progressPercent share of the work plan's steps done at completion, 0 to 100
 */
public record ProjectCompleted(String projectId, String name, LocalDate completedOn,
                               int progressPercent) implements EventData {
}
