package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An organization's training-needs diagnostic was closed and consolidated into ranked training priorities. Subject: the diagnostic id.
 *
 * @param diagnosticId Id of the diagnostic; also the event subject.
 * @param organizationId Organization diagnosed.
 * @param employeeResponses Questionnaires answered by employees.
 * @param managerResponses Questionnaires answered by the organization's managers.
 * @param priorities Themes ranked by consolidated need, most pressing first.
 * @param completedOn Day the diagnostic was closed.
 */
public record DiagnosticCompleted(String diagnosticId, String organizationId, int employeeResponses,
        int managerResponses, List<Priority> priorities, LocalDate completedOn) implements EventData {

    /** One ranked training priority. */
    public record Priority(String theme, BigDecimal score, int rank) {
    }
}
