package qc.esac.store;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;

/**
 * MongoDB answers {@code {_id: x, version: 3}} through the id index and checks the other conditions on the one
 * document it finds. mongo-java-server 1.47 uses an index only when the query names exactly the index's fields,
 * so it answers such a query (every conditional update, lease claim and release of the platform) by scanning the
 * whole collection: a cost that grows with the data, which production does not have. The stand-in's
 * collections ask this class first.
 */
final class IdLookup {

    private static final String ID = "_id";

    private IdLookup() {
    }

    /**
     * Positions of the documents whose {@code _id} equals the one the query names beside other conditions, from the
     * id index; {@code null} when the query is not of that shape (the library's own plan then applies).
     */
    static <P> Iterable<P> positions(AbstractMongoCollection<P> collection, Document query) {
        if (query.size() < 2 || !query.containsKey(ID)) {
            return null;
        }
        Object id = query.get(ID);
        if (id == null || id instanceof Document || id instanceof Collection<?>) {
            return null; // operators ({$in: ...}), embedded documents, null: not a plain equality
        }
        for (Index<P> index : collection.getIndexes()) {
            List<IndexKey> keys = index.getKeys();
            if (keys.size() == 1 && ID.equals(keys.get(0).getKey())) {
                return index.getPositions(new Document(ID, id));
            }
        }
        return null;
    }
}
