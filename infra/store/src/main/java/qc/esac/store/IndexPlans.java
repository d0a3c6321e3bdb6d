package qc.esac.store;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How the stand-in answers a query through its {@link OrderedIndex secondary indexes} where MongoDB would, instead
 * of the library's scan of the whole collection: an equality (or {@code $in}) on an index's first field reads only
 * the matching entries, {@code $exists: true} on a sparse index's field reads its entries (the outbox sweep's
 * pending documents), and a regular expression on it tests the index's keys before reading any document; a
 * sorted query with a limit whose sort is an index's key (optionally followed by {@code _id}) walks the index in
 * order and stops after {@code skip + limit} matching documents. Every document found is still matched against
 * the whole query by the library. Other shapes return null: the library's plan.
 */
final class IndexPlans {

    private static final String ID = "_id";
    private static final ValueComparator NATURAL = ValueComparator.asc();

    private IndexPlans() {
    }

    /**
     * How many documents match: an equality (a string or null) alone on the first field of an index whose entries
     * are one per document is counted in the index without reading a document; anything else is the collection's
     * count (which plans its query as {@link StandInStores} does).
     */
    static long count(AbstractMongoCollection<?> collection, Document query, int skip, int limit) {
        long count = -1;
        if (query.size() == 1) {
            Map.Entry<String, Object> condition = query.entrySet().iterator().next();
            Object value = condition.getValue();
            if (value == null || value instanceof String) {
                for (Index<?> index : collection.getIndexes()) {
                    if (index instanceof OrderedIndex<?> ordered && ordered.ordersDocuments()
                            && ordered.fields().get(0).equals(condition.getKey())) {
                        count = ordered.equalTo(value).size();
                        break;
                    }
                }
            }
        }
        if (count < 0) {
            return collection.count(query, skip, limit);
        }
        count = Math.max(0, count - skip);
        return limit > 0 ? Math.min(count, limit) : count;
    }

    /** Positions of the documents an equality on an indexed first field allows, or null. */
    static <P> Collection<P> equality(AbstractMongoCollection<P> collection, Document query) {
        for (Index<P> index : collection.getIndexes()) {
            if (index instanceof OrderedIndex<P> ordered) {
                Object condition = query.get(ordered.fields().get(0));
                List<String> values = plainStrings(condition);
                if (values != null) {
                    Set<P> positions = naturalOrder();
                    values.forEach(value -> positions.addAll(ordered.equalTo(value)));
                    return positions;
                }
                if (ordered.sparse() && existsTrue(condition)) { // e.g. the outbox sweep: the pending ones only
                    Set<P> positions = naturalOrder();
                    positions.addAll(ordered.all());
                    return positions;
                }
                BsonRegularExpression regex = regex(condition);
                if (regex != null) { // as MongoDB does: the regex on the index's keys, then only those documents
                    Set<P> positions = naturalOrder();
                    positions.addAll(ordered.whereFirst(value -> value instanceof String text
                            && regex.matcher(text).find()));
                    return positions;
                }
            }
        }
        return null;
    }

    /**
     * Positions of the page ({@code skip}, then {@code limit} documents matching {@code query}) walked in an index
     * whose order is {@code orderBy}, or null when no index gives that order or the query has no limit.
     */
    static <P> List<P> sortedPage(AbstractMongoCollection<P> collection, Document query, Document orderBy, int skip,
                                  int limit, Function<P, Document> documents,
                                  BiPredicate<Document, Document> matches) {
        if (orderBy == null || orderBy.isEmpty() || limit == 0) {
            return null;
        }
        for (Index<P> index : collection.getIndexes()) {
            if (index instanceof OrderedIndex<P> ordered && ordered.ordersDocuments()) {
                Boolean reversed = direction(ordered, orderBy);
                if (reversed != null) {
                    return walk(ordered.inOrder(reversed), query, skip, Math.abs(limit), documents, matches);
                }
            }
        }
        return null;
    }

    private static <P> List<P> walk(Iterable<P> positions, Document query, int skip, int limit,
                                    Function<P, Document> documents, BiPredicate<Document, Document> matches) {
        List<P> page = new ArrayList<>(limit);
        int skipped = 0;
        for (P position : positions) {
            Document document = documents.apply(position);
            if (document == null || !matches.test(document, query)) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
            } else {
                page.add(position);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /**
     * False when a forward walk of the index gives {@code orderBy}'s order, true when a backward walk does, null when
     * neither: the sort must name the index's fields in order (then optionally {@code _id}, the entries'
     * tie-breaker), each in the index's direction, or each in the opposite one.
     */
    private static Boolean direction(OrderedIndex<?> index, Document orderBy) {
        List<Map.Entry<String, Object>> sort = new ArrayList<>(orderBy.entrySet());
        List<String> fields = index.fields();
        boolean trailingId = sort.size() == fields.size() + 1 && ID.equals(sort.get(fields.size()).getKey());
        if (sort.size() != fields.size() && !trailingId) {
            return null;
        }
        Boolean reversed = null;
        for (int i = 0; i < sort.size(); i++) {
            Integer sign = sign(sort.get(i).getValue());
            if (sign == null || (i < fields.size() && !fields.get(i).equals(sort.get(i).getKey()))) {
                return null;
            }
            boolean indexAscending = i < fields.size() ? index.ascending().get(i) : true;
            boolean opposite = (sign > 0) != indexAscending;
            if (reversed == null) {
                reversed = opposite;
            } else if (reversed != opposite) {
                return null;
            }
        }
        return reversed;
    }

    private static Integer sign(Object direction) {
        if (direction instanceof Number number) {
            double value = number.doubleValue();
            return value == 1 ? 1 : value == -1 ? -1 : null;
        }
        return null;
    }

    /**
     * Positions in the order the library's scan gives documents without a sort (memory: list positions; file: the
     * map's keys), so that a query without a sort answers in the same order as before the index was used.
     */
    private static <P> Set<P> naturalOrder() {
        return new TreeSet<>((a, b) -> NATURAL.compare(a, b));
    }

    private static boolean existsTrue(Object condition) {
        return condition instanceof Document operators && operators.size() == 1
                && (Boolean.TRUE.equals(operators.get("$exists"))
                || operators.get("$exists") instanceof Number n && n.intValue() == 1);
    }

    /** A regular expression alone ({@code /x/} or {@code {$regex, $options}}), or null. */
    private static BsonRegularExpression regex(Object condition) {
        if (condition == null || !BsonRegularExpression.isRegularExpression(condition)) {
            return null;
        }
        if (condition instanceof Document operators && !Set.of("$regex", "$options").containsAll(operators.keySet())) {
            return null;
        }
        return BsonRegularExpression.convertToRegularExpression(condition);
    }

    /** The values of an equality or an {@code $in} of strings only (other types compare by MongoDB's own rules). */
    private static List<String> plainStrings(Object condition) {
        if (condition instanceof String value) {
            return List.of(value);
        }
        if (condition instanceof Document operators && operators.size() == 1
                && operators.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            return values.stream().map(String.class::cast).toList();
        }
        return null;
    }
}
