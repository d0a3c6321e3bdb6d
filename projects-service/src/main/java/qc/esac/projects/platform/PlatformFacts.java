package qc.esac.projects.platform;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The facts platform events tell about organizations, one document per fact ({@code source:key}), written
 * idempotently: a redelivered or older event changes nothing. Values of bound indicators are counted from
 * here for any period, so a late event still lands in the right period, until the period's values are frozen.
 */
@Repository
public class PlatformFacts {

    static final String COLLECTION = "platform_facts";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    PlatformFacts(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("source", Sort.Direction.ASC)
                .on("organizationId", Sort.Direction.ASC).named("source_organization"));
    }

    /** Records (or corrects) a fact from the event that reported it. */
    public boolean record(IncomingEvent event, PlatformFact fact) {
        Update update = new Update()
                .set("source", fact.source().name())
                .set("key", fact.key())
                .set("organizationId", fact.organizationId())
                .set("from", fact.from().toString())
                .set("until", fact.until() == null ? null : fact.until().toString());
        return updates.applyIfNewer(COLLECTION, fact.source().name() + ":" + fact.key(), event, update);
    }

    /** The value of {@code source} for these organizations over the period [{@code start}, {@code end}]. */
    public long count(PlatformSource source, Collection<String> organizationIds, LocalDate start, LocalDate end) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return facts(source, organizationIds).stream().filter(fact -> fact.countsFor(start, end)).count();
    }

    List<PlatformFact> facts(PlatformSource source, Collection<String> organizationIds) {
        Query query = Query.query(Criteria.where("source").is(source.name()).and("organizationId").in(organizationIds));
        return mongo.find(query, FactDocument.class, COLLECTION).stream()
                .map(document -> new PlatformFact(source, document.key(), document.organizationId(),
                        LocalDate.parse(document.from()), document.until() == null ? null : LocalDate.parse(document.until())))
                .toList();
    }

    record FactDocument(String key, String organizationId, String from, String until) {
    }
}
