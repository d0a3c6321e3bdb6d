package qc.esac.projects.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.training.AttestationIssued;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.projects.platform.PlatformFact;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.platform.PlatformSource;

/**
 * Feeds {@link PlatformSource#TRAINING_ATTESTATIONS_ISSUED} from the training topic: each attestation issued to
 * an organization's employee is a fact about that employer, on its issue date. Attestations of participants
 * who are not on their organization's staff roster are not counted (the source counts employees trained).
 */
@Component
class TrainingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(TrainingEventsListener.class);

    private final IncomingEvents events;
    private final PlatformFacts facts;

    TrainingEventsListener(IncomingEvents events, PlatformFacts facts) {
        this.events = events;
        this.facts = facts;
    }

    /** A group of its own: the sources are independent, one being slow or rebalancing holds up no other. */
    @KafkaListener(topics = Topics.TRAINING, groupId = "${spring.application.name}.training")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        event.dataAs(AttestationIssued.class).filter(AttestationIssued::employee).ifPresent(attestation -> {
            boolean applied = facts.record(event, new PlatformFact(PlatformSource.TRAINING_ATTESTATIONS_ISSUED,
                    attestation.attestationId(), attestation.organizationId(), attestation.issuedOn(), null));
            log.debug("Attestation {} (session {} seq {}) applied: {}", attestation.attestationId(),
                    event.subject(), event.sequence(), applied);
        });
    }
}
