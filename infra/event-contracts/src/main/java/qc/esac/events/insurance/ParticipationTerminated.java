package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * The employer's participation ended; every enrolment ends on the same date. Subject: the organization id.
 *
 * @param effectiveDate last day of coverage
 * @param reason        {@code MEMBERSHIP_LAPSED}, {@code WITHDRAWN} or {@code ADMINISTRATIVE} (open list)
 */
public record ParticipationTerminated(String organizationId, String networkId, String state, LocalDate effectiveDate,
                                      String reason) implements EventData {
}
