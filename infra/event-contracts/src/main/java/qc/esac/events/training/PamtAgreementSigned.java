package qc.esac.events.training;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * A workplace apprenticeship agreement pairs an apprentice with a companion of the same organization for a professional standard. Subject: the agreement id.
 *
 * @param agreementId Id of the agreement; also the event subject.
 * @param standardCode Code of the professional standard.
 * @param standardTitle French title of the professional standard.
 * @param organizationId Employer organization of both people.
 * @param apprenticeId Employee id of the apprentice.
 * @param companionId Employee id of the companion.
 * @param competencies Number of competencies to attest.
 * @param signedOn Day the agreement was signed.
 */
public record PamtAgreementSigned(String agreementId, String standardCode, String standardTitle,
        String organizationId, String apprenticeId, String companionId, int competencies,
        LocalDate signedOn) implements EventData {
}
