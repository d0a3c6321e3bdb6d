package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.training.AttestationIssued;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.projects.platform.PlatformFact;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

import java.util.List;

/**
 * Feeds {@link PlatformSource#TRAINING_ATTESTATIONS_ISSUED} from the training topic: each attestation issued to
 * an organization's employee is a fact about that employer, on its issue date. Attestations of participants
 * who are not on their organization's staff roster are not counted (the source counts employees trained). A batch
 * listener: each poll's records are applied together ({@link EventBatches}).
 */
@Component
class TrainingEventsListener {

    private static final PlatformSource SOURCE = PlatformSource.TRAINING_ATTESTATIONS_ISSUED;

    private final EventBatches batches;
    private final EventDispatcher dispatcher;

    TrainingEventsListener(EventBatches batches, PlatformFacts facts) {
        this.batches = batches;
        this.dispatcher = EventDispatcher.builder()
                .on(AttestationIssued.class, (event, attestation) -> {
                    if (attestation.employee()) {
                        facts.record(event, new PlatformFact(SOURCE, attestation.attestationId(),
                                attestation.organizationId(), attestation.issuedOn(), null));
                    }
                })
                .reads(AttestationIssued.class, PlatformFacts.COLLECTION, attestation -> attestation.employee()
                        ? PlatformFacts.documentId(SOURCE, attestation.attestationId()) : null)
                .build();
    }

    /** A group of its own: the sources are independent, one being slow or rebalancing holds up no other. */
    @KafkaListener(topics = Topics.TRAINING, groupId = "${spring.application.name}.training", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.consume(records, dispatcher);
    }
}
