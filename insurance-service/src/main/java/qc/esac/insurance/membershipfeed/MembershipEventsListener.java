package qc.esac.insurance.membershipfeed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.time.QuebecTime;
import qc.esac.membershipfeed.MembershipFeed;

import java.time.LocalDate;
import java.util.List;

/**
 * What membership says, applied here: the shared membership feed's read models (organizations, standing,
 * rosters), then the consequences (a lapse puts the employer's participation in grace, a departure ends the
 * employee's coverage at month end). Each step is idempotent on its own, so a record redelivered after a crash
 * between two steps completes the missing one and repeats nothing.
 *
 * <p>A batch listener ({@link EventBatches}): the read models of a poll's events are loaded, changed in memory and
 * written together; the consequences are changes of insurance's own aggregates (through their store, with their
 * events), made as each event is dispatched, in order. They read none of the batch's read models, and each records
 * the sequence it applied (or finds nothing left to do), so running them before the batch's read models are written,
 * or again when the batch is applied again (a failing record, a read model changed meanwhile), changes nothing more.
 */
@Component
class MembershipEventsListener {

    private final EventBatches batches;
    private final ParticipationService participations;
    private final EnrolmentService enrolments;
    private final EventDispatcher dispatcher;

    MembershipEventsListener(EventBatches batches, MembershipFeed feed, ParticipationService participations,
                             EnrolmentService enrolments) {
        this.batches = batches;
        this.participations = participations;
        this.enrolments = enrolments;
        // The read models first. A consequence reading one would get the stored document, not the batch's (none does).
        this.dispatcher = feed.registerOn(EventDispatcher.builder())
                .on(OrganizationClosed.class, this::organizationClosed)
                .on(MembershipStandingEvent.class, (event, s) -> participations.standingChanged(s.organizationId(),
                        s.networkId(), s.membershipId(), event.sequence(), s.goodStanding(), s.effectiveDate()))
                .on(EmployeeLeft.class, (event, left) ->
                        enrolments.employeeLeft(left.employeeId(), left.endDate(), event.sequence()))
                .on(EmployeeUpdated.class, this::employeeUpdated)
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.consume(records, dispatcher);
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
