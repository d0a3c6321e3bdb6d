package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.projects.organization.KnownOrganizations;
import qc.esac.projects.platform.PlatformFact;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Feeds the known organizations (registered, updated, closed) and two platform sources from the membership
 * topic: {@link PlatformSource#PARTNER_ORGANIZATIONS_REGISTERED} and, from every membership event (they all
 * carry the standing after the change), {@link PlatformSource#PARTNERS_IN_GOOD_STANDING}. Other types are
 * skipped.
 */
@Component
class MembershipEventsListener {

    /** Effective dates are Quebec dates. */
    static final ZoneId QUEBEC = ZoneId.of("America/Montreal");

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final KnownOrganizations organizations;
    private final PlatformFacts facts;

    MembershipEventsListener(IncomingEvents events, KnownOrganizations organizations, PlatformFacts facts) {
        this.events = events;
        this.organizations = organizations;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        boolean applied = apply(event);
        log.debug("Membership event {} {} seq {} applied: {}", event.type(), event.subject(), event.sequence(),
                applied);
    }

    private boolean apply(IncomingEvent event) {
        if (event.data() instanceof OrganizationRegistered registered) {
            boolean known = organizations.apply(event, registered);
            boolean counted = facts.record(event, new PlatformFact(PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED,
                    registered.organizationId(), registered.organizationId(), dateOf(event), null));
            return known || counted;
        }
        if (event.data() instanceof OrganizationUpdated updated) {
            return organizations.apply(event, updated);
        }
        if (event.data() instanceof OrganizationClosed closed) {
            return organizations.apply(event, closed);
        }
        if (event.data() instanceof MembershipStandingEvent standing) {
            return standing(event, standing);
        }
        return false;
    }

    /**
     * One fact per membership: in good standing from the effective date of an event saying so, until the
     * effective date of one saying otherwise (a lapse, suspension, resignation, termination).
     */
    private boolean standing(IncomingEvent event, MembershipStandingEvent standing) {
        if (standing.goodStanding()) {
            return facts.begin(event, PlatformSource.PARTNERS_IN_GOOD_STANDING, standing.membershipId(),
                    standing.organizationId(), standing.effectiveDate());
        }
        return facts.end(event, PlatformSource.PARTNERS_IN_GOOD_STANDING, standing.membershipId(),
                standing.organizationId(), standing.effectiveDate());
    }

    static LocalDate dateOf(IncomingEvent event) {
        return LocalDate.ofInstant(event.time(), QUEBEC);
    }
}
