package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.RosterEntryEvent;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.training.TrainingClock;

import java.time.LocalDate;

/**
 * Feeds training's read models from the membership topic: organizations, membership standing per network
 * (which sets prices; the events' {@code goodStanding} already applies each network's rule for members in grace),
 * staff rosters (who may be registered as an employee) and networks' fiscal years. Types training does not need
 * (fees, applications' other details) and types it does not know yet are skipped.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final KnownOrganizations organizations;
    private final MembershipStandings standings;
    private final Roster roster;
    private final NetworkFiscalYears fiscalYears;

    MembershipEventsListener(IncomingEvents events, KnownOrganizations organizations, MembershipStandings standings,
                             Roster roster, NetworkFiscalYears fiscalYears) {
        this.fiscalYears = fiscalYears;
        this.events = events;
        this.organizations = organizations;
        this.standings = standings;
        this.roster = roster;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        EventData data = event.data();
        boolean applied = false;
        if (data instanceof OrganizationRegistered registered) {
            applied = organizations.apply(event, registered);
        } else if (data instanceof OrganizationUpdated updated) {
            applied = organizations.applyUpdated(event, updated);
        } else if (data instanceof OrganizationClosed closed) {
            applied = organizations.applyClosed(event, closed);
        } else if (data instanceof NetworkConfigured configured) {
            applied = fiscalYears.apply(event, configured);
        } else if (data instanceof MembershipStandingEvent standing) {
            applied = standings.applyStanding(event, standing.organizationId(), standing.networkId(),
                    standing.goodStanding(), standing.effectiveDate() != null ? standing.effectiveDate() : day(event));
        } else if (data instanceof EmployeeLeft left) {
            applied = roster.applyEmployee(event, left.employeeId(), left.organizationId(), left.firstName(),
                    left.lastName(), left.endDate() == null ? day(event) : left.endDate(), left.userId());
        } else if (data instanceof RosterEntryEvent entry) {
            applied = roster.applyEmployee(event, entry.employeeId(), entry.organizationId(), entry.firstName(),
                    entry.lastName(), entry.endDate(), entry.userId());
        }
        log.debug("Membership event {} seq {} of {} applied: {}", event.type(), event.sequence(), event.subject(),
                applied);
    }

    /** The Quebec day the event happened. */
    private static LocalDate day(IncomingEvent event) {
        return event.time().atZone(TrainingClock.QUEBEC).toLocalDate();
    }
}
