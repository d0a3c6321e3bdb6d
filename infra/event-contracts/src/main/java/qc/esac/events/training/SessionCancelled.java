package qc.esac.events.training;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * A session was cancelled; its registrations are cancelled with it (one registration-cancelled event each). Subject: the session id.
 *
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param networkId Network running the training.
 * @param startDate First day the session would have had.
 * @param reason Why it was cancelled, as staff wrote it.
 * @param cancelledOn Day of the cancellation.
 */
public record SessionCancelled(String sessionId, String courseId, String networkId, LocalDate startDate,
        String reason, LocalDate cancelledOn) implements EventData {
}
