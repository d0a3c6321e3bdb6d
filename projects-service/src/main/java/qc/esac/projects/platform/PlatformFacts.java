package qc.esac.projects.platform;

import org.bson.Document;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The facts platform events tell about organizations, one document per fact ({@code source:key}) holding the
 * spells during which it held, written idempotently: a redelivered or older event changes nothing. Values of
 * bound indicators are counted from here for any period, so a late event still lands in the right period,
 * until the period's values are frozen.
 *
 * <p>Each fact document is written from the events of a single aggregate (its key is that aggregate's or
 * lies within it), delivered in order on one partition, so reading the spells before writing them back races
 * with nothing. The spells are read through {@link IdempotentUpdates#current}, so that the listeners may apply a
 * poll's events as one batch ({@code EventBatches}).
 */
@Repository
public class PlatformFacts {

    public static final String COLLECTION = "platform_facts";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    PlatformFacts(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("source", Sort.Direction.ASC)
                .on("organizationId", Sort.Direction.ASC).named("source_organization"));
    }

    /** Records (or corrects) a fact from the event that reported it, as a single spell. */
    public boolean record(IncomingEvent event, PlatformFact fact) {
        Spells spells = new Spells(List.of(new Spells.Spell(fact.from(), fact.until())));
        return write(event, fact.source(), fact.key(), fact.organizationId(), spells);
    }

    /** A level fact holds from {@code from} on (kept as is if it already holds). */
    public boolean begin(IncomingEvent event, PlatformSource source, String key, String organizationId,
                         LocalDate from) {
        return change(event, source, key, organizationId, spells -> spells.begin(from));
    }

    /** A level fact no longer holds from {@code until} on (nothing to do if it did not hold). */
    public boolean end(IncomingEvent event, PlatformSource source, String key, String organizationId,
                       LocalDate until) {
        return change(event, source, key, organizationId, spells -> spells.end(until));
    }

    /**
     * The value of {@code source} for these organizations over the period [{@code start}, {@code end}]: the
     * organizations for which a fact counts when the source counts organizations (one organization with two
     * memberships in good standing is one organization), else the facts.
     */
    public long count(PlatformSource source, Collection<String> organizationIds, LocalDate start, LocalDate end) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        Function<PlatformFact, String> counted = source.countsOrganizations()
                ? PlatformFact::organizationId : PlatformFact::key;
        return facts(source, organizationIds).stream().filter(fact -> fact.countsFor(start, end))
                .map(counted).distinct().count();
    }

    /** Every spell of every fact of {@code source} about these organizations, one {@link PlatformFact} each. */
    List<PlatformFact> facts(PlatformSource source, Collection<String> organizationIds) {
        Query query = Query.query(Criteria.where("source").is(source.name()).and("organizationId").in(organizationIds));
        return mongo.find(query, FactDocument.class, COLLECTION).stream()
                .flatMap(document -> document.history().spells().stream().map(spell -> new PlatformFact(source,
                        document.key(), document.organizationId(), spell.from(), spell.until())))
                .toList();
    }

    private boolean change(IncomingEvent event, PlatformSource source, String key, String organizationId,
                           UnaryOperator<Spells> change) {
        Spells before = find(source, key).map(FactDocument::history).orElse(Spells.NONE);
        Spells after = change.apply(before);
        if (after.equals(before)) {
            return false;
        }
        return write(event, source, key, organizationId, after);
    }

    /** Through the updates: in a batch of events, the fact as the batch's earlier events left it. */
    private Optional<FactDocument> find(PlatformSource source, String key) {
        return updates.current(COLLECTION, documentId(source, key))
                .map(document -> mongo.getConverter().read(FactDocument.class, document));
    }

    private boolean write(IncomingEvent event, PlatformSource source, String key, String organizationId,
                          Spells spells) {
        List<Document> stored = spells.spells().stream()
                .map(spell -> new Document("from", spell.from().toString())
                        .append("until", spell.until() == null ? null : spell.until().toString()))
                .toList();
        Update update = new Update()
                .set("source", source.name())
                .set("key", key)
                .set("organizationId", organizationId)
                .set("spells", stored);
        return updates.applyIfNewer(COLLECTION, documentId(source, key), event, update);
    }

    /** The document of a fact, so that a batch listener can declare what its events read ({@code reads}). */
    public static String documentId(PlatformSource source, String key) {
        return source.name() + ":" + key;
    }

    record FactDocument(String key, String organizationId, List<SpellDocument> spells) {

        Spells history() {
            return new Spells(spells == null ? List.of() : spells.stream()
                    .map(spell -> new Spells.Spell(LocalDate.parse(spell.from()),
                            spell.until() == null ? null : LocalDate.parse(spell.until())))
                    .toList());
        }
    }

    record SpellDocument(String from, String until) {
    }
}
