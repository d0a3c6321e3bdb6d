package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;

/**
 * A person has a seat in a session, directly or promoted from the waiting list. Subject: the session id.
 *
 * @param registrationId Id of the registration.
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param networkId Network running the training.
 * @param organizationId Organization that registered the person and pays.
 * @param personId The participant: the employee id for an organization's employee, otherwise an id of the external person.
 * @param employee Whether the participant is on the organization's staff roster.
 * @param price Price charged, in Canadian dollars.
 * @param memberPrice Whether the member price applied (organization in good standing with the network).
 * @param promotedFromWaitlist Whether the seat came from the waiting list.
 */
public record RegistrationConfirmed(String registrationId, String sessionId, String courseId, String networkId,
        String organizationId, String personId, boolean employee, BigDecimal price, boolean memberPrice,
        boolean promotedFromWaitlist) implements EventData {
}
