package qc.esac.projects.project;

import qc.esac.projects.vocabulary.PartnerRole;

import java.time.LocalDate;

/**
 * The lead's invitation to an organization to take part in its project, in a role. The organization is not a
 * partner (not listed, not counted, not reported on) until its own administrator accepts.
 *
 * @param invitedBy subject of the administrator who invited
 */
public record Invitation(String organizationId, PartnerRole role, LocalDate invitedOn, String invitedBy) {
}
