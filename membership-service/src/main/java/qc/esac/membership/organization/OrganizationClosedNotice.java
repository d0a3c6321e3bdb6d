package qc.esac.membership.organization;

import java.time.LocalDate;

/**
 * In-process notice, after the closure is saved, for the features that must react (memberships end). The
 * public event is {@code OrganizationClosed}; this one never leaves the service.
 */
public record OrganizationClosedNotice(String organizationId, LocalDate closedOn) {
}
