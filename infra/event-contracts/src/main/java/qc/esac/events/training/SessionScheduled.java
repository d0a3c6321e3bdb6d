package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A training session of a catalogue course was scheduled by the network running it. Subject: the session id.
 *
 * @param sessionId Id of the session; also the event subject.
 * @param courseId Id of the catalogue course given.
 * @param courseTitle French title of the course.
 * @param networkId Network running the training; its members in good standing pay the member price.
 * @param themes Theme codes of the course.
 * @param startDate First day of the session.
 * @param endDate Last day of the session.
 * @param deliveryMode IN_PERSON, ONLINE_SYNCHRONOUS or SELF_PACED. Open list.
 * @param hours Training hours an attestation of this session gives.
 * @param uec Continuing-education units (1 UEC = 10 hours).
 * @param seats Seats offered.
 * @param memberPrice Price per participant, in Canadian dollars, for members in good standing.
 * @param nonMemberPrice Price per participant, in Canadian dollars, for everybody else.
 * @param registrationDeadline Last day registrations are accepted.
 */
public record SessionScheduled(String sessionId, String courseId, String courseTitle, String networkId,
        List<String> themes, LocalDate startDate, LocalDate endDate, String deliveryMode, BigDecimal hours,
        BigDecimal uec, int seats, BigDecimal memberPrice, BigDecimal nonMemberPrice,
        LocalDate registrationDeadline) implements EventData {
}
