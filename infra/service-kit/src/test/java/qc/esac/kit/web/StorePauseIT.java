package qc.esac.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.support.KitTestApplication;
import qc.esac.kit.support.TestJwts;
import qc.esac.testkit.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store stops answering (a proxy in front of it holds every byte, as a paused or partitioned MongoDB would):
 * requests fail fast with a 503 problem in the caller's language, and the service answers again by itself once
 * the store does, without a restart. A context of its own: its store is behind the proxy.
 */
@SpringBootTest(classes = {KitTestApplication.class, StorePauseIT.StoredThings.class})
@AutoConfigureMockMvc
class StorePauseIT {

    /**
     * The kit's default operation budget is 3 s; the margin absorbs a loaded machine's scheduling, while the timeouts
     * stacked over a retried read (read 3 s twice, plus server selection and pool waits) exceed it.
     */
    private static final Duration WELL_WITHIN_THE_BUDGET = Duration.ofMillis(5_000);

    private static final StallingProxy PROXY = StallingProxy.to(URI.create(TestInfrastructure.get().mongoUri()));

    @DynamicPropertySource
    static void storeBehindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PROXY.port());
        registry.add("spring.mongodb.database", () -> "kit-store-pause");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void aStoreThatStopsAnsweringGivesAFast503AndTheServiceRecoversWithoutRestart() throws Exception {
        mongo.save(new Document(Map.of("_id", "thing-1", "name", "Coop du Vieux-Port")), "things");
        assertThat(read("thing-1", "fr").getStatus()).isEqualTo(200);

        PROXY.stall(true);
        try {
            long start = System.nanoTime();
            MockHttpServletResponse french = read("thing-1", "fr");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            // Fails fast: the whole operation within its budget (3 s), not the driver's 30 s server selection, an
            // unlimited wait for the answer, or the per-step timeouts stacked over the read's retry (6 s and more).
            assertThat(waited).isLessThan(WELL_WITHIN_THE_BUDGET);
            assertThat(french.getStatus()).isEqualTo(503);
            assertThat(french.getContentType()).isEqualTo("application/problem+json");
            assertThat(french.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            JsonNode problem = json.readTree(french.getContentAsString());
            assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.SERVICE_INDISPONIBLE);
            assertThat(problem.get("code").asString()).isEqualTo("stockage.indisponible");
            assertThat(problem.get("title").asString()).isEqualTo("Service indisponible");
            assertThat(problem.get("detail").asString()).startsWith("Les données ne peuvent pas être lues");

            MockHttpServletResponse english = read("thing-1", "en");
            assertThat(english.getStatus()).isEqualTo(503);
            assertThat(json.readTree(english.getContentAsString()).get("detail").asString())
                    .startsWith("The data cannot be read or saved right now");

            // The same bound for a read and a write straight through Spring Data, failing with what the kit maps to
            // 503 stockage.indisponible.
            assertFailsFastAsStoreUnavailable(() -> mongo.findById("thing-1", Document.class, "things"));
            assertFailsFastAsStoreUnavailable(() -> mongo.insert(
                    new Document(Map.of("_id", "thing-2", "name", "Coop de la Baie")), "things"));
            assertFailsFastAsStoreUnavailable(() -> mongo.find(new Query(), Document.class, "things"));
        } finally {
            PROXY.stall(false);
        }

        // Back by itself: the driver finds the server again (no restart, no new client).
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status;
        do {
            status = read("thing-1", "fr").getStatus();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    private static void assertFailsFastAsStoreUnavailable(Runnable operation) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(operation::run);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure).isNotNull();
        assertThat(StoreUnavailable.isCause(failure)).as("%s is the store not answering", failure).isTrue();
        assertThat(waited).isLessThan(WELL_WITHIN_THE_BUDGET);
    }

    private MockHttpServletResponse read(String id, String language) throws Exception {
        return mvc.perform(get("/test/things/{id}", id)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.staff("csmo-esac"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andReturn().getResponse();
    }

    /** Reads a document through Spring Data (its exceptions are translated), as a service's read model does. */
    @RestController
    static class StoredThings {

        private final MongoTemplate mongo;

        StoredThings(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @GetMapping("/test/things/{id}")
        Map<String, Object> thing(@PathVariable String id) {
            Document found = mongo.findById(id, Document.class, "things");
            if (found == null) {
                throw new NotFoundException("ressource.introuvable");
            }
            return found;
        }
    }

    /** Forwards to the store, or, while stalled, holds every byte in both directions (connections stay open). */
    static final class StallingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stalling-proxy");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean stalled;

        private StallingProxy(ServerSocket server, int target) {
            this.server = server;
            this.target = target;
            pumps.submit(this::accept);
        }

        static StallingProxy to(URI mongoUri) {
            try {
                return new StallingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), mongoUri.getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        void stall(boolean stall) {
            stalled = stall;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket();
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2_000);
                    pumps.submit(() -> pump(client, upstream));
                    pumps.submit(() -> pump(upstream, client));
                } catch (IOException e) {
                    // closed, or the store refused: the client sees its connection fail
                }
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (stalled) {
                        Thread.sleep(10);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }

        private static void close(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already closed
            }
        }

        @Override
        public void close() {
            close(server);
            pumps.shutdownNow();
        }
    }
}
