package qc.esac.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies the records of one poll (a batch listener's list) with the guarantees of one-by-one consumption, at the
 * cost of a few store round trips per batch instead of one per record: the records are parsed, the read-model
 * documents their handlers declared ({@link EventDispatcher.Builder#reads}) loaded with one query by {@code _id} per
 * collection, the events dispatched in order against those documents in memory ({@link ReadModelBatch}), and the
 * changed documents written with one bulk write per collection.
 *
 * <ul>
 *   <li>Order: the records are applied in the order of the poll, which keeps each partition's (each aggregate's).</li>
 *   <li>Idempotence: an event is applied only when newer than what its document recorded for its aggregate, in
 *       memory as in the store; redelivering a batch, or part of it, leaves the same documents.</li>
 *   <li>A record that cannot be parsed, or whose handler fails: the records before it are applied and written, then
 *       a {@link BatchListenerFailedException} names it, so that the kit's error handler commits the ones before,
 *       retries or dead-letters that one alone ({@link KafkaErrorHandling}), and redelivers the ones after.</li>
 *   <li>The store failing on the batch's read or write names the batch's first record: the whole batch is
 *       retried.</li>
 *   <li>A document changed by someone else since the batch read it (another instance, during a rebalance): the
 *       batch's events are applied again one by one against the store, where the sequences decide.</li>
 * </ul>
 * Handlers must read the documents they change through {@link IdempotentUpdates#current}, and may only
 * {@code $set} and {@code $unset} fields; side effects other than read-model updates would run before the batch is
 * written. The one other kind allowed is a change of the service's own aggregates that records the event's sequence
 * (or finds nothing left to do): it runs when its event is dispatched, and again whenever the batch is applied again,
 * so it must be idempotent and must not read the batch's read models from the store.
 */
public class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final IncomingEvents events;
    private final IdempotentUpdates updates;

    public EventBatches(IncomingEvents events, IdempotentUpdates updates) {
        this.events = events;
        this.updates = updates;
    }

    /** Applies {@code records} through {@code dispatcher}; see the class comment for what a failure does. */
    public void consume(List<ConsumerRecord<String, byte[]>> records, EventDispatcher dispatcher) {
        if (records.size() == 1) {
            consumeAlone(records.get(0), dispatcher);
            return;
        }
        List<IncomingEvent> parsed = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent event;
            try {
                event = events.parse(record);
            } catch (RuntimeException unreadable) {
                apply(records.subList(0, parsed.size()), parsed, dispatcher);
                throw failed(unreadable, record);
            }
            parsed.add(event);
        }
        apply(records, parsed, dispatcher);
    }

    /**
     * A poll of one record (the usual one at a low rate) is applied as one-by-one consumption applies it, straight
     * against the store: each {@link IdempotentUpdates#applyIfNewer} is one conditional upsert judged by the store,
     * so a handler that does not read its document costs one store round trip, where the batch's read and write
     * cost two, before the commit the record waits for.
     */
    private void consumeAlone(ConsumerRecord<String, byte[]> record, EventDispatcher dispatcher) {
        try {
            dispatch(dispatcher, events.parse(record));
        } catch (RuntimeException e) {
            throw failed(e, record);
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records, List<IncomingEvent> parsed,
                       EventDispatcher dispatcher) {
        if (parsed.isEmpty()) {
            return;
        }
        ReadModelBatch batch = updates.open();
        int failedAt = -1;
        RuntimeException failure = null;
        try {
            try {
                for (Map.Entry<String, Set<String>> documents : dispatcher.documentsRead(parsed).entrySet()) {
                    batch.load(documents.getKey(), documents.getValue());
                }
            } catch (RuntimeException storeFailed) {
                throw failed(storeFailed, records.get(0));
            }
            for (int i = 0; i < parsed.size() && failure == null; i++) {
                try {
                    dispatch(dispatcher, parsed.get(i));
                } catch (RuntimeException e) {
                    failedAt = i;
                    failure = e;
                }
            }
        } finally {
            updates.close(batch);
        }
        if (failure != null) {
            // The batch in memory may hold part of the failed event: apply the ones before it afresh.
            apply(records.subList(0, failedAt), parsed.subList(0, failedAt), dispatcher);
            throw failed(failure, records.get(failedAt));
        }
        boolean written;
        try {
            written = batch.flush();
        } catch (RuntimeException storeFailed) {
            throw failed(storeFailed, records.get(0));
        }
        if (!written) {
            log.info("A read model changed while a batch of {} events was applied: applying them one by one",
                    parsed.size());
            for (int i = 0; i < parsed.size(); i++) {
                try {
                    dispatch(dispatcher, parsed.get(i));
                } catch (RuntimeException e) {
                    throw failed(e, records.get(i));
                }
            }
        }
    }

    /**
     * For a listener that acts on a few event types of a topic and skips the rest: the records whose {@code ce_type}
     * header is one of {@code types} are parsed and applied one by one, in order; the others are judged by that
     * header alone, so that a record meant for other listeners is neither parsed again nor, when it is unreadable,
     * dead-lettered a second time by this group. One that fails is named ({@link BatchListenerFailedException})
     * after the ones before it were applied, so that the kit's error handler commits those, retries or dead-letters
     * that one alone, and redelivers the ones after, as for a record listener.
     */
    public static void ofTypes(List<ConsumerRecord<String, byte[]>> records, Set<String> types, IncomingEvents events,
                               Consumer<IncomingEvent> apply) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Header type = record.headers().lastHeader("ce_type");
            if (type == null || !types.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            try {
                apply.accept(events.parse(record));
            } catch (RuntimeException e) {
                throw failed(e, record);
            }
        }
    }

    private static void dispatch(EventDispatcher dispatcher, IncomingEvent event) {
        boolean handled = dispatcher.dispatch(event);
        log.debug("Event {} seq {} of {} handled: {}", event.type(), event.sequence(), event.subject(), handled);
    }

    private static BatchListenerFailedException failed(RuntimeException cause, ConsumerRecord<?, ?> record) {
        return new BatchListenerFailedException(cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage(), cause, record);
    }
}
