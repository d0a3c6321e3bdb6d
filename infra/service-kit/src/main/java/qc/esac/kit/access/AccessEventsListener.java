package qc.esac.kit.access;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import qc.esac.events.Topics;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;

/**
 * Keeps the service's {@link GrantsReadModel} from membership's grant events. Its own consumer group, so that
 * it reads every grant from the start whatever the service's other listeners have consumed; errors go through
 * the kit's handler (retries, then the dead-letter topic).
 */
public class AccessEventsListener {

    private final IncomingEvents events;
    private final GrantsReadModel grants;

    public AccessEventsListener(IncomingEvents events, GrantsReadModel grants) {
        this.events = events;
        this.grants = grants;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}.access")
    public void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        if (event.isKnown()) {
            grants.apply(event);
        }
    }
}
