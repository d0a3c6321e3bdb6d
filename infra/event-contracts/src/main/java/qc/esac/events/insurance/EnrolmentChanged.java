package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;
import java.util.List;

/** An enrolment's class, tier or coverages changed from {@code effectiveDate}. Subject: the enrolment id. */
public record EnrolmentChanged(String enrolmentId, String organizationId, String employeeId, String classCode,
                               String tier, List<String> coverageCodes, LocalDate effectiveDate) implements EventData {
}
