package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

/**
 * Feeds {@link PlatformSource#PARTNER_EMPLOYERS_INSURED} from the insurance topic: one fact per employer and
 * network plan, in force from the participation's activation until the day after its last day of coverage.
 * An application is not coverage yet; grace keeps the coverage (it ends only with the termination event), and
 * a reinstatement confirms it.
 */
@Component
class InsuranceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(InsuranceEventsListener.class);
    private static final PlatformSource SOURCE = PlatformSource.PARTNER_EMPLOYERS_INSURED;

    private final IncomingEvents events;
    private final PlatformFacts facts;
    private final EventDispatcher dispatcher;

    InsuranceEventsListener(IncomingEvents events, PlatformFacts facts) {
        this.events = events;
        this.facts = facts;
        this.dispatcher = EventDispatcher.builder()
                .on(ParticipationActivated.class, (event, activated) -> facts.begin(event, SOURCE,
                        key(activated.organizationId(), activated.networkId()), activated.organizationId(),
                        activated.effectiveDate()))
                .on(ParticipationReinstated.class, (event, reinstated) -> facts.begin(event, SOURCE,
                        key(reinstated.organizationId(), reinstated.networkId()), reinstated.organizationId(),
                        reinstated.effectiveDate()))
                // The effective date is the last day of coverage.
                .on(ParticipationTerminated.class, (event, terminated) -> facts.end(event, SOURCE,
                        key(terminated.organizationId(), terminated.networkId()), terminated.organizationId(),
                        terminated.effectiveDate().plusDays(1)))
                .build();
    }

    /** A group of its own: the sources are independent, one being slow or rebalancing holds up no other. */
    @KafkaListener(topics = Topics.INSURANCE, groupId = "${spring.application.name}.insurance")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        boolean applied = dispatcher.dispatch(event);
        log.debug("Insurance event {} {} seq {} applied: {}", event.type(), event.subject(), event.sequence(),
                applied);
    }

    private static String key(String organizationId, String networkId) {
        return organizationId + ":" + networkId;
    }
}
