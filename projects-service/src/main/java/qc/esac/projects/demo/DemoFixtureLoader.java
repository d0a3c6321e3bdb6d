package qc.esac.projects.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo projects through the public APIs, as any client would: organizations are registered in
 * membership (which tells projects through its events), then each project is created, given its partners,
 * steps and indicators, and activated. Run against a running stack:
 *
 * <pre>
 * java -cp projects-service/target/projects-service-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=qc.esac.projects.demo.DemoFixtureLoader \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      http://localhost:8080 "$STAFF_ACCESS_TOKEN"
 * </pre>
 *
 * The first argument is the gateway (or a base URL serving both {@code /api/membership} and
 * {@code /api/projects}); the second a programme staff access token. Not idempotent: load into an empty stack.
 */
public final class DemoFixtureLoader {

    /** Where organizations get their platform id; membership's API in real use. */
    public interface OrganizationRegistry {
        String register(DemoFixture.Organization organization) throws Exception;
    }

    private static final Duration KNOWN_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;
    private final OrganizationRegistry registry;

    public DemoFixtureLoader(URI base, String token, OrganizationRegistry registry) {
        this.base = base;
        this.token = token;
        this.registry = registry;
    }

    /** The registry that registers organizations through membership's API. */
    public static OrganizationRegistry membershipApi(URI base, String token) {
        HttpClient http = HttpClient.newHttpClient();
        return organization -> {
            String body = DemoFixture.JSON.writeValueAsString(Map.of("legalName", organization.legalName(),
                    "neq", organization.neq(), "legalForm", organization.legalForm(),
                    "regionCode", organization.regionCode(), "sectorCodes", List.of()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/membership/organizations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Registering " + organization.legalName() + " failed: "
                        + response.statusCode() + " " + response.body());
            }
            return DemoFixture.JSON.readTree(response.body()).get("id").asString();
        };
    }

    /** Loads everything; returns the project ids by fixture key. */
    public Map<String, String> load(DemoFixture fixture) throws Exception {
        Map<String, String> organizations = new LinkedHashMap<>();
        for (DemoFixture.Organization organization : fixture.organizations()) {
            organizations.put(organization.key(), registry.register(organization));
        }
        for (String id : organizations.values()) {
            awaitKnown(id);
        }
        Map<String, String> projects = new LinkedHashMap<>();
        for (DemoFixture.Project project : fixture.projects()) {
            projects.put(project.key(), load(project, organizations));
        }
        return projects;
    }

    private String load(DemoFixture.Project project, Map<String, String> organizations) throws Exception {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", project.name());
        create.put("targetedIssues", project.targetedIssues());
        create.put("description", project.description());
        create.put("leadOrganizationId", organizations.get(project.lead()));
        create.put("contact", project.contact());
        create.put("regionCodes", project.regionCodes());
        String id = DemoFixture.JSON.readTree(send("POST", "/api/projects/projects", create, 201)).get("id").asString();
        String path = "/api/projects/projects/" + id;
        for (DemoFixture.Partner partner : project.partners()) {
            send("POST", path + "/partners", Map.of("organizationId", organizations.get(partner.organization()),
                    "role", partner.role()), 200);
        }
        for (Map<String, Object> step : project.steps()) {
            send("POST", path + "/steps", step, 200);
        }
        for (Map<String, Object> indicator : project.indicators()) {
            send("POST", path + "/indicators", indicator, 200);
        }
        send("POST", path + "/activate", null, 200);
        return id;
    }

    /** Organizations reach projects through membership's events: wait until each has arrived. */
    private void awaitKnown(String organizationId) throws Exception {
        long deadline = System.nanoTime() + KNOWN_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(request("/api/projects/organizations/" + organizationId)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                throw new IllegalStateException("Organization " + organizationId + " never reached projects: "
                        + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
    }

    private String send(String method, String path, Object body, int expected) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(DemoFixture.JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(request(path).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: DemoFixtureLoader <base-url> <staff-access-token>");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        Map<String, String> projects = new DemoFixtureLoader(base, args[1], membershipApi(base, args[1]))
                .load(DemoFixture.load());
        projects.forEach((key, id) -> System.out.println(key + " " + id));
    }
}
