package qc.esac.events.training;

import qc.esac.events.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff changed a scheduled session (dates, seats, prices, deadline, delivery); the event carries the session as
 * it is now. A seat added to a full session promotes people from the waiting list (registration-confirmed events
 * follow). Subject: the session id.
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
 * @param status Status of the session after the change: PLANNED, OPEN, FULL or CLOSED.
 */
public record SessionUpdated(String sessionId, String courseId, String courseTitle, String networkId,
        List<String> themes, LocalDate startDate, LocalDate endDate, String deliveryMode, BigDecimal hours,
        BigDecimal uec, int seats, BigDecimal memberPrice, BigDecimal nonMemberPrice,
        LocalDate registrationDeadline,
        String status) implements EventData {
}
