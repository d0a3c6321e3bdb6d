package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipStandingEvent;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.membershipfeed.MembershipFeed;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.time.QuebecTime;
import qc.esac.projects.platform.PlatformFact;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

import java.time.LocalDate;
import java.util.List;

/**
 * Feeds the shared membership feed's organizations (registered, updated, closed; projects keeps no standings or
 * rosters) and two platform sources from the membership topic: {@link PlatformSource#PARTNER_ORGANIZATIONS_REGISTERED} and, from every membership event (they all
 * carry the standing after the change), {@link PlatformSource#PARTNERS_IN_GOOD_STANDING}. Other types are
 * skipped. A batch listener: each poll's records are applied together ({@link EventBatches}: one read and one write
 * of each read model per poll), with the guarantees of one-by-one consumption.
 */
@Component
class MembershipEventsListener {

    private final EventBatches batches;
    private final PlatformFacts facts;
    private final EventDispatcher dispatcher;

    MembershipEventsListener(EventBatches batches, MembershipFeed feed, PlatformFacts facts) {
        this.batches = batches;
        this.facts = facts;
        this.dispatcher = feed.registerOrganizationsOn(EventDispatcher.builder())
                .on(OrganizationRegistered.class, this::registered)
                .on(MembershipStandingEvent.class, this::standing)
                .reads(OrganizationRegistered.class, PlatformFacts.COLLECTION, registered -> PlatformFacts.documentId(
                        PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED, registered.organizationId()))
                .reads(MembershipStandingEvent.class, PlatformFacts.COLLECTION, standing -> PlatformFacts.documentId(
                        PlatformSource.PARTNERS_IN_GOOD_STANDING, standing.membershipId()))
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.consume(records, dispatcher);
    }

    private boolean registered(IncomingEvent event, OrganizationRegistered registered) {
        return facts.record(event, new PlatformFact(PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED,
                registered.organizationId(), registered.organizationId(), dateOf(event), null));
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
        return QuebecTime.dayOf(event.time());
    }
}
