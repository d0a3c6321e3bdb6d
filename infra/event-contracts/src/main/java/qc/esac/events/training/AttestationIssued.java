package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A participant attended at least 90% of a session and received an attestation with its hours and continuing-education units. Subject: the session id.
 *
 * @param attestationId Id of the attestation.
 * @param verificationCode Code anyone can check without logging in at /api/training/attestations/{code}.
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param courseTitle French title of the course.
 * @param networkId Network running the training.
 * @param organizationId Organization of the participant.
 * @param personId The participant: the employee id for an organization's employee.
 * @param employee Whether the participant is on the organization's staff roster.
 * @param hours Training hours attested.
 * @param uec Continuing-education units attested (hours / 10, e.g. 12 h = 1.2).
 * @param issuedOn Issue date.
 */
public record AttestationIssued(String attestationId, String verificationCode, String sessionId, String courseId,
        String courseTitle, String networkId, String organizationId, String personId, boolean employee,
        BigDecimal hours, BigDecimal uec, LocalDate issuedOn) implements EventData {
}
