package qc.esac.projects.project;

import qc.esac.projects.vocabulary.PartnerRole;

import java.time.LocalDate;

/** An organization taking part in a project, in a role, since a date. */
public record Partner(String organizationId, PartnerRole role, LocalDate joinedOn) {
}
