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
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.RosterEntryEvent;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.enrolment.EnrolmentService;
import qc.esac.insurance.membership.MembershipReadModels;
import qc.esac.insurance.membership.RosterEntry;
import qc.esac.insurance.participation.ParticipationService;
import qc.esac.insurance.participation.ParticipationStatus;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;

import java.time.LocalDate;
import java.util.List;

/**
 * What membership says, applied here: the read models (organizations, standing, rosters), then the
 * consequences (a lapse puts the employer's participation in grace, a departure ends the employee's coverage
 * at month end). Each step is idempotent on its own, so a record redelivered after a crash between two steps
 * completes the missing one and repeats nothing.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final MembershipReadModels readModels;
    private final ParticipationService participations;
    private final EnrolmentService enrolments;

    MembershipEventsListener(IncomingEvents events, MembershipReadModels readModels, ParticipationService participations,
                             EnrolmentService enrolments) {
        this.events = events;
        this.readModels = readModels;
        this.participations = participations;
        this.enrolments = enrolments;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        if (!event.isKnown()) {
            return;
        }
        Object data = event.data();
        if (data instanceof OrganizationRegistered o) {
            readModels.applyOrganization(event, o.organizationId(), o.legalName(), o.neq(), o.regionCode(), false);
        } else if (data instanceof OrganizationUpdated o) {
            readModels.applyOrganization(event, o.organizationId(), o.legalName(), o.neq(), o.regionCode(), false);
        } else if (data instanceof OrganizationClosed o) {
            readModels.applyOrganization(event, o.organizationId(), o.legalName(), o.neq(), null, true);
            LocalDate closedOn = o.closedOn() == null ? eventDate(event) : o.closedOn();
            participations.organizationClosed(o.organizationId(), closedOn)
                    .filter(p -> p.status() == ParticipationStatus.TERMINATED)
                    .ifPresent(p -> enrolments.endEnrolmentsOf(p.organizationId(), p.terminatedOn()));
        } else if (data instanceof MembershipStandingEvent s) {
            readModels.applyStanding(event, s.membershipId(), s.organizationId(), s.networkId(), s.status(),
                    s.goodStanding(), s.effectiveDate());
            participations.standingChanged(s.organizationId(), s.networkId(), s.membershipId(), event.sequence(),
                    s.goodStanding(), s.effectiveDate());
        } else if (data instanceof RosterEntryEvent r) {
            RosterEntry entry = new RosterEntry(r.employeeId(), r.organizationId(), r.firstName(), r.lastName(),
                    r.employmentStatus(), r.weeklyHours(), r.hireDate(), r.endDate(), r.userId(), List.of());
            // Eligibility counts from the day the hours last rose to the class minimum: keep when they changed.
            List<RosterEntry.Hours> history = entry.historyWith(readModels.employee(r.employeeId()).orElse(null),
                    eventDate(event));
            readModels.applyRosterEntry(event, new RosterEntry(entry.id(), entry.organizationId(), entry.firstName(),
                    entry.lastName(), entry.employmentStatus(), entry.weeklyHours(), entry.hireDate(), entry.endDate(),
                    entry.userId(), history));
            if (r instanceof EmployeeLeft left) {
                enrolments.employeeLeft(left.employeeId(), left.endDate(), event.sequence());
            } else if (r instanceof EmployeeUpdated updated && updated.changedFields().contains("weeklyHours")) {
                enrolments.weeklyHoursChanged(updated.employeeId(), updated.weeklyHours(), event.sequence());
            }
        } else {
            log.trace("Membership event {} not used by insurance", event.type());
        }
    }

    /** The Quebec calendar day the event happened. */
    private static LocalDate eventDate(IncomingEvent event) {
        return LocalDate.ofInstant(event.time(), InsuranceCalendar.ZONE);
    }
}
