package qc.esac.insurance.support;

import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.producer.RecordMetadata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

/** HTTP calls and membership events for the insurance integration tests. */
public final class InsuranceApi {

    public static final String GROUP = "insurance-service";
    public static final String NETWORK = "aacocq";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public InsuranceApi(int port) {
        this.port = port;
    }

    public static String staff() {
        return TestTokens.staff(NETWORK);
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with {@code Accept-Language}. */
    public HttpResponse<String> get(String path, String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An anonymous POST with {@code Accept-Language}. */
    public HttpResponse<String> sendIn(String method, String path, String language, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> sendWithKey(String path, String token, String idempotencyKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The current plan year exists (created by the first test that needs it). */
    public void ensurePlanYear(String planJson, int year) throws Exception {
        if (get("/api/insurance/plan-years/" + year, null).statusCode() == 404) {
            HttpResponse<String> put = send("PUT", "/api/insurance/plan-years/" + year, staff(), null, planJson);
            if (put.statusCode() != 200 && put.statusCode() != 409) {
                throw new AssertionError(put.statusCode() + " " + put.body());
            }
        }
    }

    /** Publishes a membership event as membership would and waits until insurance consumed it. */
    public static RecordMetadata publish(String subject, long sequence, EventData data) {
        RecordMetadata metadata = TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(data.getClass()).type(), subject,
                sequence, JSON.writeValueAsString(data));
        TestTopics.awaitConsumed(GROUP, metadata, Duration.ofSeconds(30));
        return metadata;
    }

    /** Publishes the same event again with the same id, as an at-least-once redelivery would. */
    public static void redeliver(String eventId, String subject, long sequence, EventData data) {
        RecordMetadata metadata = TestEvents.publish(Topics.MEMBERSHIP, eventId, EventCatalog.of(data.getClass()).type(),
                subject, sequence, JSON.writeValueAsString(data));
        TestTopics.awaitConsumed(GROUP, metadata, Duration.ofSeconds(30));
    }

    /**
     * An employer in good standing whose participation is in force from {@code today}, with the given employees on
     * its roster (hired long enough ago) and enrolled, single, salary 48,000.
     */
    public void activeEmployer(String org, LocalDate today, String... employeeIds) throws Exception {
        String membership = "mem-" + java.util.UUID.randomUUID();
        publish(membership, 1, new qc.esac.events.membership.MembershipActivated(membership, org, NETWORK, "REGULAR",
                "ACTIVE", "APPROVED", true, true, today.minusMonths(2), today.plusMonths(10), today.minusMonths(2), null));
        for (String id : employeeIds) {
            publish(id, 1, new qc.esac.events.membership.EmployeeAdded(id, org, "Prénom", "Fictif", null, null,
                    "FULL_TIME", new java.math.BigDecimal("35"), today.minusYears(1), null, "user-" + id));
        }
        String admin = TestTokens.orgAdmin(org);
        HttpResponse<String> applied = send("POST", "/api/insurance/participations/" + org, admin, null, """
                {"coverages": ["LTD", "DRUGS", "DENTAL_BASIC"], "classCodes": ["FULL_TIME"], "employerSharePercent": 50}""");
        check(applied, 200);
        check(send("POST", "/api/insurance/participations/" + org + "/activation", staff(),
                applied.headers().firstValue("ETag").orElseThrow(), "{\"effectiveDate\": \"" + today + "\"}"), 200);
        for (String id : employeeIds) {
            check(send("POST", "/api/insurance/organizations/" + org + "/enrolments", admin, null, """
                    {"employeeId": "%s", "classCode": "FULL_TIME", "birthDate": "1990-06-01", "annualSalary": 48000,
                     "dependants": [], "waivers": []}""".formatted(id)), 201);
        }
    }

    public static HttpResponse<String> check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public static LocalDate endOfMonth(LocalDate date) {
        return date.withDayOfMonth(date.lengthOfMonth());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
