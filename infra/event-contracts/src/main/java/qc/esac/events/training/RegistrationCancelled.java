package qc.esac.events.training;

import qc.esac.events.EventData;


/**
 * A registration was cancelled, by the organization, by staff or because the session was cancelled. Subject: the session id.
 *
 * @param registrationId Id of the registration.
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param networkId Network running the training.
 * @param organizationId Organization that registered the person.
 * @param personId The participant.
 * @param previousStatus CONFIRMED or WAITLISTED.
 * @param reason PARTICIPANT_WITHDREW, SESSION_CANCELLED, or SESSION_COMPLETED (a person still waiting when the
 *        session was given). Open list.
 * @param lateCancellation Cancelled after the registration deadline: the network's cancellation policy may charge it.
 */
public record RegistrationCancelled(String registrationId, String sessionId, String courseId, String networkId,
        String organizationId, String personId, String previousStatus, String reason,
        boolean lateCancellation) implements EventData {
}
