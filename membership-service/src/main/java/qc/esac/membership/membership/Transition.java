package qc.esac.membership.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One step of a membership's history, kept in the membership for its members and staff to read.
 *
 * @param reason     as a person typed it, or the French text of a reason the platform wrote
 * @param reasonCode the message code of a reason the platform wrote (shown in the reader's language); null for a
 *                   typed one
 * @param by         who made it: a user id, or {@code system} for the status rules
 */
public record Transition(MembershipStatus from, MembershipStatus to, LocalDate effectiveDate, String reason,
                         Instant recordedAt, String by, String reasonCode, List<String> reasonArgs) {

    public Transition {
        reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
    }

    public Transition(MembershipStatus from, MembershipStatus to, LocalDate effectiveDate, String reason,
                      Instant recordedAt, String by) {
        this(from, to, effectiveDate, reason, recordedAt, by, null, List.of());
    }
}
