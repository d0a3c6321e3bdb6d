package qc.esac.events.training;

import qc.esac.events.EventData;


/**
 * A session was full: the person is on its waiting list and will be promoted, in order, when a seat frees up. Subject: the session id.
 *
 * @param registrationId Id of the registration.
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param networkId Network running the training.
 * @param organizationId Organization that registered the person.
 * @param personId The participant.
 * @param position Position on the waiting list, from 1.
 */
public record RegistrationWaitlisted(String registrationId, String sessionId, String courseId, String networkId,
        String organizationId, String personId, int position) implements EventData {
}
