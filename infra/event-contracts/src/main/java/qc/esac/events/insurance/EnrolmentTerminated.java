package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * An employee's coverage ends after {@code coverageEndsOn}. Subject: the enrolment id.
 *
 * @param reason {@code EMPLOYEE_LEFT}, {@code PARTICIPATION_TERMINATED}, {@code WAIVED} or {@code CANCELLED} (open list)
 */
public record EnrolmentTerminated(String enrolmentId, String organizationId, String employeeId,
                                  LocalDate coverageEndsOn, String reason) implements EventData {
}
