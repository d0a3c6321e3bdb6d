package qc.esac.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A non-unique secondary index, which mongo-java-server 1.47 accepts and ignores ("not yet implemented"): its key
 * values in order, ties broken by {@code _id} as MongoDB's index entries are. The stand-in's collections use it (see
 * {@link IndexPlans}) for an equality on its first field and for a sorted, limited query that walks it in order,
 * so that such queries cost what they return instead of the whole collection. The library only maintains it
 * ({@link #add}, {@link #remove}, {@link #updateInPlace}); it never plans a query with it ({@link #canHandle} is
 * false). Kept in memory: rebuilt from the documents when a file store opens.
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    private final List<String> fields;
    private final List<Boolean> ascending;
    private final NavigableMap<Entry, P> entries = new ConcurrentSkipListMap<>(this::compare);
    /** Each document's entries by {@code _id} (which never changes), so that removal needs no old state. */
    private final Map<Object, List<Entry>> byId = new ConcurrentHashMap<>();
    /** Whether a document ever had an array in an indexed field: then the order is not the documents' order. */
    private volatile boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.ascending = keys.stream().map(IndexKey::isAscending).toList();
    }

    List<String> fields() {
        return fields;
    }

    List<Boolean> ascending() {
        return ascending;
    }

    /** Positions of every document the index holds: for a sparse index, those that have its field. */
    Collection<P> all() {
        return entries.values();
    }

    boolean sparse() {
        return isSparse();
    }

    /** True when a walk in this index's order gives the documents in the order of a sort on its fields. */
    boolean ordersDocuments() {
        return !multikey && !isSparse();
    }

    /** Positions of the documents whose first field equals {@code value} (or holds it in an array). */
    Collection<P> equalTo(Object value) {
        return entries.subMap(Entry.bound(value, -1), true, Entry.bound(value, 1), true).values();
    }

    /** Positions of the documents whose first field's value (or an element of it) passes {@code test}. */
    List<P> whereFirst(java.util.function.Predicate<Object> test) {
        List<P> positions = new ArrayList<>();
        entries.forEach((entry, position) -> {
            if (test.test(entry.values[0])) {
                positions.add(position);
            }
        });
        return positions;
    }

    /** Positions in the index's order ({@code reversed}: the other way). */
    Collection<P> inOrder(boolean reversed) {
        return reversed ? entries.descendingMap().values() : entries.values();
    }

    @Override
    public P getPosition(Document document) {
        return null; // the id index answers this; null is left out by the library
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get("_id");
        List<Entry> added = entriesOf(document, id);
        for (Entry entry : added) {
            entries.put(entry, position);
        }
        byId.put(id, added);
    }

    @Override
    public P remove(Document document) {
        List<Entry> removed = byId.remove(document.get("_id"));
        P position = null;
        if (removed != null) {
            for (Entry entry : removed) {
                P at = entries.remove(entry);
                position = position == null ? at : position;
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexPlans, not by the library");
    }

    @Override
    public long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(newDocument); // by _id: the old entries, whatever the old document now holds
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        entries.clear();
        byId.clear();
    }

    private List<Entry> entriesOf(Document document, Object id) {
        Object[] values = new Object[fields.size()];
        int arrayField = -1;
        for (int i = 0; i < values.length; i++) {
            Object value = valueAt(document, fields.get(i));
            values[i] = value instanceof Missing ? null : value;
            if (value instanceof Collection<?> && arrayField < 0) {
                arrayField = i;
            }
        }
        boolean missing = valueAt(document, fields.get(0)) instanceof Missing;
        if (isSparse() && missing) {
            return List.of();
        }
        if (arrayField < 0) {
            return List.of(new Entry(values, id, 0));
        }
        multikey = true;
        List<Entry> expanded = new ArrayList<>();
        for (Object element : (Collection<?>) values[arrayField]) {
            Object[] copy = values.clone();
            copy[arrayField] = element instanceof Missing ? null : element;
            expanded.add(new Entry(copy, id, 0));
        }
        return expanded;
    }

    /**
     * The value at a dotted path, as MongoDB indexes it: an array position ({@code outbox.0.id}, the outbox's pending
     * index) is that element's, a field under an array ({@code state.registrations.participant.personId}) is the
     * list of each element's; the library's {@link Utils#getSubdocumentValue} answers both as missing.
     */
    static Object valueAt(Document document, String path) {
        Object current = document;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (current instanceof Document parent) {
                if (!parent.containsKey(segment)) {
                    return Missing.getInstance();
                }
                current = parent.get(segment);
            } else if (current instanceof List<?> list && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                int position = Integer.parseInt(segment);
                if (position >= list.size()) {
                    return Missing.getInstance();
                }
                current = list.get(position);
            } else if (current instanceof Collection<?>) { // a field of each element (multikey), as the library reads it
                String rest = String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length));
                return Utils.getSubdocumentValueCollectionAware(new Document("v", current), "v." + rest);
            } else {
                return Missing.getInstance();
            }
        }
        return current;
    }

    private int compare(Entry a, Entry b) {
        int common = Math.min(a.values.length, b.values.length);
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(a.values[i], b.values[i]);
            if (order != 0) {
                return ascending.get(i) ? order : -order;
            }
        }
        if (a.bound != 0 || b.bound != 0) {
            return Integer.compare(a.bound, b.bound); // a bound on a prefix sorts before or after all its entries
        }
        return VALUES.compare(a.id, b.id);
    }

    /** One index entry: the indexed values and the document's id; {@code bound} -1/+1 for a range's ends. */
    private record Entry(Object[] values, Object id, int bound) {
        static Entry bound(Object firstValue, int bound) {
            return new Entry(new Object[] {firstValue}, null, bound);
        }
    }
}
