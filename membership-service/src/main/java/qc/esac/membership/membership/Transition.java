package qc.esac.membership.membership;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a membership's history, kept in the membership for its members and staff to read.
 *
 * @param by who made it: a user id, or {@code system} for the status rules
 */
public record Transition(MembershipStatus from, MembershipStatus to, LocalDate effectiveDate, String reason,
                         Instant recordedAt, String by) {
}
