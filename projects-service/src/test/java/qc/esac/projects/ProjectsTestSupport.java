package qc.esac.projects;

import org.apache.kafka.clients.producer.RecordMetadata;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** HTTP calls to the service under test and organizations made known to it through membership events. */
public final class ProjectsTestSupport {

    /** The consumer group reading membership's topic; training's and insurance's have their own. */
    public static final String GROUP = "projects-service";
    private static final String REGISTERED = EventCatalog.of(OrganizationRegistered.class).type();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ProjectsTestSupport(int port) {
        this.port = port;
    }

    /**
     * When the organizations of the tests registered: well before any period a test opens, as real members did,
     * so that a period that is over (and may be submitted) counts them as registered on its last day.
     */
    public static final OffsetDateTime REGISTERED_AT = OffsetDateTime.now().minusDays(400);

    /**
     * Registers organizations in membership (as events on its topic, dated {@link #REGISTERED_AT}) and waits
     * until projects knows them.
     */
    public static Map<String, String> registerOrganizations(String... names) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<RecordMetadata> published = new ArrayList<>();
        for (String name : names) {
            String id = UUID.randomUUID().toString();
            published.add(TestEvents.publishAt(REGISTERED_AT, Topics.MEMBERSHIP, UUID.randomUUID().toString(), REGISTERED, id, 1, """
                    {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "OBNL",
                     "regionCode": "06", "sectorCodes": []}
                    """.formatted(id, name)));
            ids.put(name, id);
        }
        awaitConsumed(published);
        return ids;
    }

    /**
     * Waits until projects has consumed these records. The topics have several partitions and a group commits
     * each on its own, so waiting for the last record published is not enough: each partition's last one is.
     */
    public static void awaitConsumed(Collection<RecordMetadata> records) {
        records.stream()
                .collect(Collectors.toMap(r -> r.topic() + "-" + r.partition(), r -> r,
                        (a, b) -> a.offset() >= b.offset() ? a : b))
                .values()
                .forEach(record -> TestTopics.awaitConsumed(groupOf(record.topic()), record, Duration.ofSeconds(30)));
    }

    static String groupOf(String topic) {
        return switch (topic) {
            case Topics.TRAINING -> GROUP + ".training";
            case Topics.INSURANCE -> GROUP + ".insurance";
            default -> GROUP;
        };
    }

    public Response get(String path, String token) throws Exception {
        return send(request(path, token, null).GET().build());
    }

    public Response get(String path, String token, String accept) throws Exception {
        return send(request(path, token, null).header("Accept", accept).GET().build());
    }

    public Response post(String path, String token, String json) throws Exception {
        return send(request(path, token, null).POST(body(json)).build());
    }

    public Response put(String path, String token, String ifMatch, String json) throws Exception {
        return send(request(path, token, ifMatch).PUT(body(json)).build());
    }

    public Response delete(String path, String token) throws Exception {
        return send(request(path, token, null).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String token, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    /** A response, its JSON read on demand. */
    public record Response(int status, String body, String etag, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
