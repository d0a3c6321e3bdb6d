package qc.esac.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The backends of the platform's MongoDB stand-in (mongo-java-server): in memory for the tests, in an H2 file for
 * the local stack. Both answer a query naming one {@code _id} through the id index (see {@link IdLookup}), and keep
 * the non-unique indexes the library ignores, for equalities and sorted pages (see {@link IndexPlans}). The file
 * store writes its documents as BSON ({@link BsonDocuments}).
 */
public final class StandInStores {

    private StandInStores() {
    }

    /** A store that lives as long as its JVM. */
    public static MongoBackend inMemory() {
        return new IdLookupMemoryBackend();
    }

    /** A store kept in one H2 MVStore file, so data survives restarts. */
    public static H2Backend inFile(Path file) {
        return new IdLookupH2Backend(file.toString());
    }

    private static final class IdLookupMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new IdLookupMemoryDatabase(databaseName, getCursorRegistry());
        }
    }

    private static final class IdLookupMemoryDatabase extends MemoryDatabase {
        IdLookupMemoryDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IdLookupMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return new OrderedIndex<>(indexName, keys, sparse);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            Document counted = CountPipeline.answer(this, command, query);
            return counted != null ? counted : super.handleCommand(channel, command, query, resolver, oplog);
        }
    }

    private static final class IdLookupMemoryCollection extends MemoryCollection implements Examined {
        private final LongAdder examined = new LongAdder();

        IdLookupMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            examined.increment();
            return super.documentMatchesQuery(document, query);
        }

        @Override
        public long examined() {
            return examined.sum();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            Iterable<Integer> positions = IdLookup.positions(this, query);
            if (positions == null) {
                positions = IndexPlans.equality(this, query);
            }
            if (positions != null) {
                return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Integer> page = IndexPlans.sortedPage(this, query, orderBy, skip, limit, this::getDocument,
                    this::documentMatchesQuery);
            return page == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, page, orderBy, 0, 0, batchSize, fieldSelector);
        }
    }

    private static final class IdLookupH2Backend extends H2Backend {
        // The map names H2Database gives a collection's documents, metadata and unique indexes: the file format, kept
        // as is.
        private static final String DATA_MAP_PREFIX = "databases.";
        private static final String META_MAP_PREFIX = "meta.";
        private static final String INDEX_MAP_INFIX = "._index_";

        IdLookupH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdLookupH2Database(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * Inner, not static: H2Database opens its existing collections from its constructor, before a field of
         * this class could be set, so the store is reached through the enclosing backend.
         */
        private final class IdLookupH2Database extends H2Database {
            IdLookupH2Database(String name, MVStore store, CursorRegistry cursors) {
                super(name, store, cursors);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVStore store = getMvStore();
                // The documents as BSON (BsonDocuments); the metadata, a few small values, as the library writes it.
                return new IdLookupH2Collection(this, collectionName, options,
                        store.openMap(DATA_MAP_PREFIX + namespace,
                                new MVMap.Builder<Object, Document>().valueType(new BsonDocuments())),
                        store.openMap(META_MAP_PREFIX + namespace), cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys, sparse);
            }

            /**
             * The library's unique index, over a map opened first with {@link IndexKeys} (the library's own
             * {@code openMap} by name then finds it open, with that key type).
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName,
                        new MVMap.Builder<Object, Object>().keyType(new IndexKeys()));
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }

            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                          Oplog oplog) {
                Document counted = CountPipeline.answer(this, command, query);
                return counted != null ? counted : super.handleCommand(channel, command, query, resolver, oplog);
            }
        }
    }

    /**
     * A file-store collection whose stored documents never change once stored.
     *
     * <p>The library hands out the very documents its map holds, and an update changes the document it found in place
     * before putting it back ({@code AbstractMongoCollection.updateDocument}). A query's reply is encoded on a network
     * thread once the collection's lock is released, so an update meanwhile could make the encoder fail (a
     * {@code ConcurrentModificationException}: no reply, the client waits for its timeout) or send half the old and
     * half the new document; the fault suite's long run hit the first. Here every query's result is a copy
     * ({@link #createQueryResult}): an update changes the copy, which {@code handleUpdate} then puts in the map, and
     * a reply holds documents no one else can change. The file store's writer then never sees a document change
     * under it either ({@link BsonDocuments} still reads one again if it does).
     */
    private static final class IdLookupH2Collection extends H2Collection implements Examined {
        private final LongAdder examined = new LongAdder();

        IdLookupH2Collection(MongoDatabase database, String name, CollectionOptions options,
                             MVMap<Object, Document> data, MVMap<String, Object> meta,
                             CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            examined.increment();
            return super.documentMatchesQuery(document, query);
        }

        @Override
        public long examined() {
            return examined.sum();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            Iterable<Object> positions = IdLookup.positions(this, query);
            if (positions == null) {
                positions = IndexPlans.equality(this, query);
            }
            if (positions != null) {
                return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Object> page = IndexPlans.sortedPage(this, query, orderBy, skip, limit, this::getDocument,
                    this::documentMatchesQuery);
            return page == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, page, orderBy, 0, 0, batchSize, fieldSelector);
        }

        /** Every query of the collection (reads, and the updates' and deletions' own) ends here. */
        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            List<Document> copies = new ArrayList<>(matchedDocuments.size());
            for (Document document : matchedDocuments) {
                copies.add(document.cloneDeeply());
            }
            return super.createQueryResult(copies, batchSize);
        }
    }

    /** How many documents a stand-in collection matched against queries so far (what a query costs it). */
    interface Examined {
        long examined();
    }
}
