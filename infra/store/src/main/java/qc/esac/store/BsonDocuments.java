package qc.esac.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

/**
 * How the file store (H2 MVStore) writes a collection's documents: as BSON, the bytes MongoDB itself stores,
 * instead of H2's default for objects it does not know, Java serialization.
 *
 * <p>Java serialization was most of the store's cost (issue 12, BENCHMARKS.md, seventh round): MVStore writes back
 * every page a write touched, each page holds tens of documents, and serializing one document goes through reflection
 * and class descriptors. In the benchmark's JVM, which hosts the store, Java serialization made about 85 % of all
 * allocation and 40 % of the CPU samples under end-to-end load (with the unique indexes' keys, see {@link IndexKeys}).
 *
 * <p>A document is written as BSON only when every value in it reads back equal and of the same class (the types
 * the platform's documents hold: see {@link #roundTrips}); any other document is written as before, by H2's
 * {@link ObjectDataType}. Reading tells the two apart by the first byte ({@link #BSON} is never a type tag of
 * {@code ObjectDataType}), so a file written before, by this stand-in or by the library's own H2 backend, opens with
 * its documents.
 */
final class BsonDocuments extends BasicDataType<Document> {

    /** The first byte of a document written as BSON: {@code ObjectDataType}'s type tags are all below 128. */
    static final byte BSON = (byte) 0xB5;

    /** Tries at writing a document that keeps changing while it is read; far more than an update takes. */
    static final int MAX_ATTEMPTS = 10_000;

    private final ObjectDataType legacy = new ObjectDataType();
    /** Bytes of the documents written lately, on average: H2 sizes its pages and its cache from this estimate. */
    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    /**
     * Writes {@code document}, taken again when it changed while being read. The library updates a stored document
     * in place (under its collection's lock) and then puts it back, which marks its page for the next write; the
     * store's background writer may meanwhile be writing an older page that holds the same document. The stand-in's
     * file collections update a copy instead (StandInStores), so this is the guard for a document changed by any
     * other way. Either way, nothing goes to {@code buffer} until the document was read through once.
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (roundTrips(document)) {
                    writeBson(buffer, document);
                } else {
                    // ObjectDataType serializes the whole value before it writes a byte to the buffer.
                    legacy.write(buffer, document);
                }
                return;
            } catch (ConcurrentModificationException changedMeanwhile) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile;
                }
                Thread.onSpinWait();
            }
        }
    }

    private void writeBson(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.put(BSON);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            averageSize = (size + 15 * averageSize) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * Whether BSON gives {@code value} back equal and of the same class: the {@link ScalarValues} (an instant only to
     * the millisecond, BSON's precision), and documents and lists (read back as {@code ArrayList}, which a list
     * equals) of them. Anything else (an instant with finer precision, binary data, other numbers) keeps its
     * document on Java serialization.
     */
    static boolean roundTrips(Object value) {
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (ScalarValues.isScalar(value)) {
            return true;
        }
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (!roundTrips(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!roundTrips(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
