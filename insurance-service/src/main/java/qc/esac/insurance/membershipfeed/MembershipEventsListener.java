package qc.esac.insurance.membershipfeed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.insurance.enrolment.EnrolmentService;
import qc.esac.insurance.participation.ParticipationService;
import qc.esac.insurance.participation.ParticipationStatus;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.time.QuebecTime;
import qc.esac.membershipfeed.MembershipFeed;

import java.time.LocalDate;

/**
 * What membership says, applied here: the shared membership feed's read models (organizations, standing,
 * rosters), then the consequences (a lapse puts the employer's participation in grace, a departure ends the
 * employee's coverage at month end). Each step is idempotent on its own, so a record redelivered after a crash
 * between two steps completes the missing one and repeats nothing.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final ParticipationService participations;
    private final EnrolmentService enrolments;
    private final EventDispatcher dispatcher;

    MembershipEventsListener(IncomingEvents events, MembershipFeed feed, ParticipationService participations,
                             EnrolmentService enrolments) {
        this.events = events;
        this.participations = participations;
        this.enrolments = enrolments;
        // The read models first: the consequences below may read them.
        this.dispatcher = feed.registerOn(EventDispatcher.builder())
                .on(OrganizationClosed.class, this::organizationClosed)
                .on(MembershipStandingEvent.class, (event, s) -> participations.standingChanged(s.organizationId(),
                        s.networkId(), s.membershipId(), event.sequence(), s.goodStanding(), s.effectiveDate()))
                .on(EmployeeLeft.class, (event, left) ->
                        enrolments.employeeLeft(left.employeeId(), left.endDate(), event.sequence()))
                .on(EmployeeUpdated.class, this::employeeUpdated)
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        if (!dispatcher.dispatch(event)) {
            log.trace("Membership event {} not used by insurance", event.type());
        }
    }

    private void organizationClosed(IncomingEvent event, OrganizationClosed closed) {
        LocalDate closedOn = closed.closedOn() == null ? QuebecTime.dayOf(event.time()) : closed.closedOn();
        participations.organizationClosed(closed.organizationId(), closedOn)
                .filter(p -> p.status() == ParticipationStatus.TERMINATED)
                .ifPresent(p -> enrolments.endEnrolmentsOf(p.organizationId(), p.terminatedOn()));
    }

    private void employeeUpdated(IncomingEvent event, EmployeeUpdated updated) {
        if (updated.changedFields().contains("weeklyHours")) {
            enrolments.weeklyHoursChanged(updated.employeeId(), updated.weeklyHours(), event.sequence());
        }
    }
}
