package qc.esac.events.membership;

import qc.esac.events.EventData;
import java.time.LocalDate;

/**
 * An organization closed (dissolved, merged or left the platform). It stays known, read-only; its memberships
 * end with membership-terminated events. Subject: the organization id.
 *
 * @param organizationId Platform id of the organization; also the event subject and the record key.
 * @param legalName Legal name, as registered with the Quebec enterprise register.
 * @param neq Quebec enterprise number (NEQ): exactly ten digits, no spaces.
 * @param closedOn Date the organization ceased activity (ISO date).
 * @param reason Why it closed, as entered; null when not given.
 */
public record OrganizationClosed(
        String organizationId,
        String legalName,
        String neq,
        LocalDate closedOn,
        String reason) implements EventData {
}
