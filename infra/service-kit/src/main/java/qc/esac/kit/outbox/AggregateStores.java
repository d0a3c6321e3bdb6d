package qc.esac.kit.outbox;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates the {@link AggregateStore} of each aggregate collection and enrols it with the relay. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final OutboxEventFactory events;
    private final OutboxRelay relay;

    private final WriteFaultPoint faultPoint;

    public AggregateStores(MongoTemplate mongo, OutboxEventFactory events, OutboxRelay relay) {
        this(mongo, events, relay, WriteFaultPoint.OFF);
    }

    /** @param faultPoint the fault suite's crash between a write and its publication ({@link WriteFaultPoint}) */
    public AggregateStores(MongoTemplate mongo, OutboxEventFactory events, OutboxRelay relay,
                           WriteFaultPoint faultPoint) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.faultPoint = faultPoint;
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
        return new AggregateStore<>(mongo, collection, stateType, events, relay, notFoundCode, faultPoint);
    }
}
