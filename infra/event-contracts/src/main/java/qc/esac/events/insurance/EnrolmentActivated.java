package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;
import java.util.List;

/** An employee is covered from {@code effectiveDate}. Ids only, no personal information. Subject: the enrolment id. */
public record EnrolmentActivated(String enrolmentId, String organizationId, String employeeId, String classCode,
                                 String tier, List<String> coverageCodes, LocalDate effectiveDate) implements EventData {
}
