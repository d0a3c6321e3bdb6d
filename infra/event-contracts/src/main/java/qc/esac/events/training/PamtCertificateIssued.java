package qc.esac.events.training;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * Every competency of an agreement was attested: the apprentice receives the qualification certificate. Subject: the agreement id.
 *
 * @param agreementId Id of the agreement; also the event subject.
 * @param standardCode Code of the professional standard.
 * @param standardTitle French title of the professional standard.
 * @param organizationId Employer organization.
 * @param apprenticeId Employee id of the apprentice, now qualified.
 * @param companionId Employee id of the companion.
 * @param verificationCode Code of the certificate, checkable without logging in.
 * @param issuedOn Issue date.
 */
public record PamtCertificateIssued(String agreementId, String standardCode, String standardTitle,
        String organizationId, String apprenticeId, String companionId, String verificationCode,
        LocalDate issuedOn) implements EventData {
}
