package qc.esac.kit.outbox;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates the {@link AggregateStore} of each aggregate collection and enrols it with the relay. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final OutboxEventFactory events;
    private final OutboxRelay relay;

    public AggregateStores(MongoTemplate mongo, OutboxEventFactory events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
    }

    public <T> AggregateStore<T> forCollection(String collection, Class<T> stateType) {
        relay.register(collection);
        return new AggregateStore<>(mongo, collection, stateType, events, relay);
    }
}
