package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.projects.organization.KnownOrganizations;
import qc.esac.projects.platform.PlatformFact;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Feeds the known organizations and the platform facts from the membership topic. The organization-closed and
 * standing events slot in here: {@code KnownOrganizations.markClosed} and a
 * {@link PlatformSource#PARTNERS_IN_GOOD_STANDING} fact.
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
        event.dataAs(OrganizationRegistered.class).ifPresent(registered -> {
            boolean applied = organizations.apply(event, registered);
            facts.record(event, new PlatformFact(PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED,
                    registered.organizationId(), registered.organizationId(), dateOf(event), null));
            log.debug("Organization {} event {} seq {} applied: {}", event.subject(), event.type(),
                    event.sequence(), applied);
        });
    }

    static LocalDate dateOf(IncomingEvent event) {
        return LocalDate.ofInstant(event.time(), QUEBEC);
    }
}
