package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A session was given and closed: attendance is final and attestations were issued. Subject: the session id.
 *
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course.
 * @param networkId Network running the training.
 * @param themes Theme codes of the course.
 * @param startDate First day of the session.
 * @param endDate Last day of the session.
 * @param hours Training hours of the session.
 * @param participants Confirmed participants.
 * @param attestationsIssued Participants who attended at least 90% and received an attestation.
 * @param completedOn Day the session was closed.
 */
public record SessionCompleted(String sessionId, String courseId, String networkId, List<String> themes,
        LocalDate startDate, LocalDate endDate, BigDecimal hours, int participants, int attestationsIssued,
        LocalDate completedOn) implements EventData {
}
