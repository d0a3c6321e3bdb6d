package qc.esac.kit.access;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.messaging.SparseListener;

/**
 * Keeps the service's {@link GrantsReadModel} from membership's grant events. Its own consumer group, so that
 * it reads every grant from the start whatever the service's other listeners have consumed; errors go through
 * the kit's handler (retries, then the dead-letter topic).
 *
 * <p>A batch listener: nearly every record of the topic is meant for the service's other listeners and is skipped
 * by its {@code ce_type} header alone, so what a record costs here is the container's handling of it; a record
 * listener paid a listener invocation and an observation (a span) per record, about half of this consumer's CPU
 * (issue 12). The grant events of a poll are applied one by one, in order ({@link EventBatches#ofTypes}).
 * Its fetches gather records for a quarter of a second ({@link SparseListener}): a grant applied that much later is
 * within what the grant cache already allows.
 */
public class AccessEventsListener {

    private final IncomingEvents events;
    private final GrantsReadModel grants;

    public AccessEventsListener(IncomingEvents events, GrantsReadModel grants) {
        this.events = events;
        this.grants = grants;
    }

    /** The CloudEvents types this listener applies; it leaves every other record to the service's listeners. */
    static final Set<String> TYPES = Set.of(EventCatalog.of(AccessGranted.class).type(),
            EventCatalog.of(AccessRevoked.class).type());

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}.access", batch = "true",
            properties = {SparseListener.FETCH_MIN_BYTES, SparseListener.FETCH_MAX_WAIT})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatches.ofTypes(records, TYPES, events, event -> {
            if (event.isKnown()) {
                grants.apply(event);
            }
        });
    }
}
