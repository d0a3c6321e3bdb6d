package qc.esac.events.training;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * The companion signed off one competency of an apprenticeship agreement; a partial attestation is issued for it. Subject: the agreement id.
 *
 * @param agreementId Id of the agreement; also the event subject.
 * @param standardCode Code of the professional standard.
 * @param organizationId Employer organization.
 * @param apprenticeId Employee id of the apprentice.
 * @param companionId Employee id of the companion who signed.
 * @param competencyCode Code of the competency attested.
 * @param verificationCode Code of the partial attestation, checkable without logging in.
 * @param attestedOn Day of the sign-off.
 * @param remainingCompetencies Competencies still to attest.
 */
public record PamtCompetencyAttested(String agreementId, String standardCode, String organizationId,
        String apprenticeId, String companionId, String competencyCode, String verificationCode,
        LocalDate attestedOn, int remainingCompetencies) implements EventData {
}
