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

    /** A store whose missing aggregates are the generic 404 {@code ressource.introuvable}. */
    public <T> AggregateStore<T> forCollection(String collection, Class<T> stateType) {
        return forCollection(collection, stateType, "ressource.introuvable");
    }

    /**
     * A store whose missing aggregates are a 404 with the service's own message code (its argument {0} is the
     * id), as {@link AggregateStore#get} and {@link AggregateStore#change} throw it.
     */
    public <T> AggregateStore<T> forCollection(String collection, Class<T> stateType, String notFoundCode) {
        relay.register(collection);
        return new AggregateStore<>(mongo, collection, stateType, events, relay, notFoundCode);
    }
}
