package qc.esac.local;

import de.bwaldvogel.mongo.MongoServer;
import qc.esac.store.StandInStores;

import java.nio.file.Path;

/** A MongoDB-wire-protocol server whose data lives in one H2 MVStore file, so it survives restarts. */
final class MongoStore implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final MongoServer server;

    private MongoStore(MongoServer server) {
        this.server = server;
    }

    static MongoStore start(Path storeFile, int port) {
        MongoServer server = new MongoServer(StandInStores.inFile(storeFile));
        try {
            server.bind(HOST, port);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            releaseAfterFailedBind(server, e);
            throw new IllegalStateException("Cannot listen for MongoDB clients on " + HOST + ":" + port, e);
        }
        return new MongoStore(server);
    }

    /** Closes the backend too: otherwise the store file would stay locked by this JVM. */
    private static void releaseAfterFailedBind(MongoServer server, Exception failure) {
        try {
            server.shutdownNow();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    String connectionString() {
        return "mongodb://" + HOST + ":" + server.getLocalAddress().getPort();
    }

    /** Closing the server closes the H2 backend, which commits and writes a consistent file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
