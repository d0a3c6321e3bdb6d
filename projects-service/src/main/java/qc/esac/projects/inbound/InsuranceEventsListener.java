package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

import java.util.List;

/**
 * Feeds {@link PlatformSource#PARTNER_EMPLOYERS_INSURED} from the insurance topic: one fact per employer and
 * network plan, in force from the participation's activation until the day after its last day of coverage.
 * An application is not coverage yet; grace keeps the coverage (it ends only with the termination event), and
 * a reinstatement confirms it. A batch listener: each poll's records are applied together ({@link EventBatches}).
 */
@Component
class InsuranceEventsListener {

    private static final PlatformSource SOURCE = PlatformSource.PARTNER_EMPLOYERS_INSURED;

    private final EventBatches batches;
    private final EventDispatcher dispatcher;

    InsuranceEventsListener(EventBatches batches, PlatformFacts facts) {
        this.batches = batches;
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
                .reads(ParticipationActivated.class, PlatformFacts.COLLECTION,
                        a -> factId(a.organizationId(), a.networkId()))
                .reads(ParticipationReinstated.class, PlatformFacts.COLLECTION,
                        r -> factId(r.organizationId(), r.networkId()))
                .reads(ParticipationTerminated.class, PlatformFacts.COLLECTION,
                        t -> factId(t.organizationId(), t.networkId()))
                .build();
    }

    /** A group of its own: the sources are independent, one being slow or rebalancing holds up no other. */
    @KafkaListener(topics = Topics.INSURANCE, groupId = "${spring.application.name}.insurance", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.consume(records, dispatcher);
    }

    private static String key(String organizationId, String networkId) {
        return organizationId + ":" + networkId;
    }

    private static String factId(String organizationId, String networkId) {
        return PlatformFacts.documentId(SOURCE, key(organizationId, networkId));
    }
}
