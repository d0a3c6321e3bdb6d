package qc.esac.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qc.esac.kit.time.QuebecTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static qc.esac.demo.PlatformApi.query;

/**
 * Loads the demo content through the gateway's public API, as any client would (never into a database), with
 * a staff token of every network. Idempotent: each thing is looked up before it is created, or created under
 * an id the content fixes, so a second run finds everything and creates nothing.
 *
 * <pre>
 * java -cp infra/demo/target/demo-0.1.0-SNAPSHOT.jar:... qc.esac.demo.DemoLoader http://127.0.0.1:8080 http://127.0.0.1:9000
 * </pre>
 * (the local stack runs it by itself on first start, see infra/local).
 */
public final class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final Duration KNOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final int[] OK = {200};
    private static final int PARALLELISM = 4;

    private final PlatformApi api;
    private final Clock clock;
    private final Report report = new Report();

    public DemoLoader(URI gateway, Supplier<String> token) {
        this(gateway, token, Clock.system(QuebecTime.ZONE));
    }

    DemoLoader(URI gateway, Supplier<String> token, Clock clock) {
        this.api = new PlatformApi(gateway, token);
        this.clock = clock;
    }

    /** What a run did: per kind of thing, how many it created and how many were already there. */
    public static final class Report {
        private final Map<String, int[]> counts = new LinkedHashMap<>();

        synchronized void countCreated(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[0]++;
        }

        synchronized void countPresent(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[1]++;
        }

        public synchronized int created() {
            return counts.values().stream().mapToInt(c -> c[0]).sum();
        }

        public synchronized int created(String kind) {
            return counts.getOrDefault(kind, new int[2])[0];
        }

        public synchronized int present(String kind) {
            return counts.getOrDefault(kind, new int[2])[1];
        }

        @Override
        public synchronized String toString() {
            StringBuilder text = new StringBuilder();
            counts.forEach((kind, c) -> text.append(text.isEmpty() ? "" : ", ").append(kind).append(' ')
                    .append(c[0]).append(" created/").append(c[1]).append(" present"));
            return text.toString();
        }
    }

    /** Loads everything; returns what was created and what was already there. */
    public Report load(DemoContent content) {
        long started = System.nanoTime();
        Map<String, Map<String, BigDecimal>> fees = networks(content.networks());
        List<DemoContent.Organization> organizations = content.allOrganizations();
        Map<String, String> ids = new HashMap<>();
        organizations.forEach(organization -> ids.put(organization.key(), organization.id()));
        // Each service has its own request quota at the gateway: the projects load (the most requests) starts as
        // soon as the organizations it names are registered, and runs beside everything else.
        inParallel(organizations.stream().filter(DemoContent.Organization::namedByProjects).toList(),
                this::organization);
        CompletableFuture<Void> projects = CompletableFuture.runAsync(() -> projects(content.projects(), ids));
        inParallel(organizations.stream().filter(o -> !o.namedByProjects()).toList(), this::organization);
        Map<String, JsonNode> existing = memberships(fees.keySet());
        for (JsonNode organization : content.organizations()) {
            String id = ids.get(organization.get("key").asString());
            for (JsonNode membership : organization.path("memberships")) {
                membership(id, membership, fees, existing);
            }
            roster(id, organization.path("employees"));
        }
        training(content.training());
        plan(content.insurancePlan());
        try {
            projects.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        log.info("Demo content loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, report);
        return report;
    }

    // ---- membership

    private Map<String, Map<String, BigDecimal>> networks(JsonNode networks) {
        Map<String, Map<String, BigDecimal>> fees = new HashMap<>();
        for (JsonNode network : networks) {
            String id = network.get("id").asString();
            if (api.get("/api/membership/networks/" + id, 200, 404).status() == 200) {
                report.countPresent("networks");
            } else {
                api.post("/api/membership/networks", network, "demo/network/" + id, 201);
                report.countCreated("networks");
            }
            Map<String, BigDecimal> byCategory = new HashMap<>();
            network.get("categories").forEach(c -> byCategory.put(c.get("code").asString(),
                    c.get("annualFee").decimalValue()));
            fees.put(id, byCategory);
        }
        return fees;
    }

    /**
     * A PUT under the fixed id: 201 when it registers the organization, 200 when it was already there. 428 when
     * it is there with other details (e.g. loaded before the {@code illustrative} flag existed): then its
     * {@code illustrative} flag is brought to the content's, the rest of its profile left as it is now.
     */
    private void organization(DemoContent.Organization organization) {
        String path = "/api/membership/organizations/" + organization.id();
        int status = api.put(path, organization.profile(), 200, 201, 428).status();
        if (status == 201) {
            report.countCreated("organizations");
            return;
        }
        if (status == 428) {
            PlatformApi.Reply current = api.get(path, 200);
            boolean illustrative = organization.profile().path("illustrative").asBoolean(false);
            if (current.body().path("illustrative").asBoolean(false) != illustrative
                    && !current.body().path("closed").asBoolean(false)) {
                api.send("PUT", path, currentProfile(current.body(), illustrative),
                        Map.of("If-Match", current.etag().orElseThrow()), 200);
            }
        }
        report.countPresent("organizations");
    }

    /** The profile fields of an organization view, to send back whole (an update replaces the profile). */
    private static ObjectNode currentProfile(JsonNode view, boolean illustrative) {
        ObjectNode profile = PlatformApi.JSON.createObjectNode();
        for (String field : List.of("legalName", "neq", "legalForm", "regionCode", "regionsServed", "sectorCodes",
                "foundingYear", "fullTimeEmployees", "partTimeEmployees", "budgetBand", "supervisingMinistry",
                "address", "preferredLanguage")) {
            if (view.hasNonNull(field)) {
                profile.set(field, view.get(field));
            }
        }
        profile.put("illustrative", illustrative);
        return profile;
    }

    /** The memberships the networks already have, by organization and network ({@code org/network}). */
    private Map<String, JsonNode> memberships(Iterable<String> networks) {
        Map<String, JsonNode> existing = new HashMap<>();
        for (String network : networks) {
            for (int page = 0, pages = 1; page < pages; page++) {
                JsonNode found = api.get("/api/membership/memberships?networkId=" + network + "&size=200&page=" + page,
                        OK).body();
                pages = found.path("totalPages").asInt();
                found.path("items").forEach(m -> existing.put(m.get("organizationId").asString() + "/" + network, m));
            }
        }
        return existing;
    }

    /**
     * Brings the membership to the content's status: applied, approved, or active (fee recorded). A membership
     * left halfway by an interrupted run is taken on from where it stands.
     */
    private void membership(String organizationId, JsonNode membership, Map<String, Map<String, BigDecimal>> fees,
                            Map<String, JsonNode> existing) {
        String network = membership.get("network").asString();
        String category = membership.get("category").asString();
        String target = membership.path("status").asString("ACTIVE");
        JsonNode found = existing.get(organizationId + "/" + network);
        PlatformApi.Reply current;
        if (found == null) {
            current = api.post("/api/membership/memberships", body("organizationId", organizationId,
                    "networkId", network, "category", category), "demo/membership/" + organizationId + "/" + network,
                    201);
            report.countCreated("memberships");
        } else {
            report.countPresent("memberships");
            String status = found.path("status").asString();
            boolean halfway = status.equals("APPLIED") && !target.equals("APPLIED")
                    || status.equals("APPROVED") && target.equals("ACTIVE");
            if (!halfway) {
                return;
            }
            current = api.get("/api/membership/memberships/" + found.get("id").asString(), OK);
        }
        String path = "/api/membership/memberships/" + current.text("id");
        if (current.text("status").equals("APPLIED") && !target.equals("APPLIED")) {
            current = api.postIfMatch(path + "/approval",
                    body("reason", "Adhésion approuvée par le conseil (démonstration)"), etag(current),
                    "demo" + path + "/approval", OK);
        }
        BigDecimal fee = fees.get(network).get(category);
        if (current.text("status").equals("APPROVED") && target.equals("ACTIVE") && fee.signum() > 0) {
            api.postIfMatch(path + "/fees", body("amount", fee, "paidOn", today().toString(), "method", "TRANSFER",
                    "reference", "DEMO-" + network.toUpperCase() + "-" + organizationId.substring(0, 8)),
                    etag(current), "demo" + path + "/fee", OK);
        }
    }

    private void roster(String organizationId, JsonNode employees) {
        if (employees.isMissingNode() || employees.isEmpty()) {
            return;
        }
        String path = "/api/membership/organizations/" + organizationId + "/employees";
        Set<String> known = new HashSet<>();
        api.get(path + "?includeFormer=true&size=200", OK).body().path("items")
                .forEach(e -> known.add(e.path("workEmail").asString().toLowerCase()));
        for (JsonNode employee : employees) {
            String email = employee.get("workEmail").asString();
            if (known.contains(email.toLowerCase())) {
                report.countPresent("employees");
            } else {
                api.post(path, employee, "demo/employee/" + email, 201);
                report.countCreated("employees");
            }
        }
    }

    // ---- training

    private void training(JsonNode training) {
        Map<String, String> courses = new HashMap<>();
        for (JsonNode course : training.get("courses")) {
            courses.put(course.get("key").asString(), course(course));
        }
        for (JsonNode session : training.get("sessions")) {
            session(session, courses.get(session.get("course").asString()));
        }
        Set<String> standards = new HashSet<>();
        api.get("/api/training/pamt/standards?size=100", OK).body().path("items")
                .forEach(s -> standards.add(s.path("code").asString()));
        for (JsonNode standard : training.get("pamtStandards")) {
            String code = standard.get("code").asString();
            if (standards.contains(code)) {
                report.countPresent("pamt standards");
            } else {
                api.post("/api/training/pamt/standards", standard, "demo/pamt/" + code, 201);
                report.countCreated("pamt standards");
            }
        }
    }

    /** The course's id: found by its network and French title, or created. */
    private String course(JsonNode course) {
        String network = course.get("networkId").asString();
        String title = course.at("/title/fr").asString();
        for (JsonNode found : api.get("/api/training/courses?networkId=" + query(network) + "&q="
                + query(title) + "&size=100", OK).body().path("items")) {
            if (found.at("/title/fr").asString().equals(title)) {
                report.countPresent("courses");
                return found.get("id").asString();
            }
        }
        ObjectNode request = ((ObjectNode) course.deepCopy());
        request.remove("key");
        String id = api.post("/api/training/courses", request, "demo/course/" + course.get("key").asString(), 201)
                .text("id");
        report.countCreated("courses");
        return id;
    }

    /** A session of the course at this location, unless the course already has one there. */
    private void session(JsonNode session, String courseId) {
        String location = session.get("location").asString();
        for (JsonNode found : api.get("/api/training/sessions?courseId=" + courseId + "&size=100", OK).body()
                .path("items")) {
            if (found.path("location").asString().equals(location)) {
                report.countPresent("sessions");
                return;
            }
        }
        LocalDate start = today().plusDays(session.get("startsInDays").asInt());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("courseId", courseId);
        request.put("startDate", start.toString());
        request.put("endDate", start.plusDays(session.path("days").asInt(1) - 1L).toString());
        if (session.hasNonNull("hours")) {
            request.put("hours", session.get("hours").decimalValue());
        }
        request.put("mode", session.get("mode").asString());
        request.put("location", location);
        request.put("seats", session.get("seats").asInt());
        request.put("memberPrice", session.get("memberPrice").decimalValue());
        request.put("nonMemberPrice", session.get("nonMemberPrice").decimalValue());
        request.put("registrationDeadline",
                start.minusDays(session.get("registrationClosesDaysBefore").asInt()).toString());
        PlatformApi.Reply created = api.post("/api/training/sessions", request,
                "demo/session/" + session.get("key").asString(), 201);
        report.countCreated("sessions");
        if (created.text("status").equals("PLANNED")) {
            api.post("/api/training/sessions/" + created.text("id") + "/open", null,
                    "demo/session/" + session.get("key").asString() + "/open", OK);
        }
    }

    // ---- insurance

    /** The plan year of the current year, in force since January 1st; a year already defined is kept. */
    private void plan(JsonNode plan) {
        int year = today().getYear();
        if (api.get("/api/insurance/plan-years/" + year, 200, 404).status() == 200) {
            report.countPresent("plan years");
            return;
        }
        ObjectNode request = ((ObjectNode) plan.deepCopy());
        request.put("year", year);
        request.put("effectiveDate", LocalDate.of(year, 1, 1).toString());
        api.put("/api/insurance/plan-years/" + year, request, OK);
        report.countCreated("plan years");
    }

    // ---- projects

    private void projects(JsonNode fixture, Map<String, String> ids) {
        for (JsonNode organization : fixture.get("organizations")) {
            awaitKnownToProjects(ids.get("projet:" + organization.get("key").asString()));
        }
        List<JsonNode> projects = new ArrayList<>();
        fixture.get("projects").forEach(projects::add);
        inParallel(projects, project -> project(project, key -> ids.get("projet:" + key)));
    }

    /**
     * Creates, fills and activates the project, unless a project of that name exists. A draft left by an
     * interrupted run is taken on: its keyed requests replay what the platform already did (services remember a
     * key for 24 hours; after that, a step or indicator added before the interruption would be added again).
     */
    private void project(JsonNode project, Function<String, String> organization) {
        String name = project.get("name").asString();
        String key = project.get("key").asString();
        String draft = null;
        for (JsonNode found : api.get("/api/projects/projects?q=" + query(name) + "&size=100", OK).body()
                .path("items")) {
            if (found.path("name").asString().equals(name)) {
                report.countPresent("projects");
                if (!found.at("/status/code").asString().equals("DRAFT")) {
                    return;
                }
                log.warn("Project {} was left as a draft by an earlier run: completing it", name);
                draft = found.get("id").asString();
                break;
            }
        }
        String id = draft == null ? create(project, key, organization) : draft;
        String path = "/api/projects/projects/" + id;
        for (JsonNode partner : project.get("partners")) {
            String partnerId = organization.apply(partner.get("organization").asString());
            api.post(path + "/partners", body("organizationId", partnerId, "role", partner.get("role").asString()),
                    "demo/project/" + key + "/partner/" + partnerId, OK);
        }
        int step = 0;
        for (JsonNode s : project.get("steps")) {
            api.post(path + "/steps", s, "demo/project/" + key + "/step/" + step++, OK);
        }
        int indicator = 0;
        for (JsonNode i : project.get("indicators")) {
            api.post(path + "/indicators", i, "demo/project/" + key + "/indicator/" + indicator++, OK);
        }
        api.post(path + "/activate", null, "demo/project/" + key + "/activate", OK);
        if (draft == null) {
            report.countCreated("projects");
        }
    }

    private String create(JsonNode project, String key, Function<String, String> organization) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", project.get("name").asString());
        create.put("targetedIssues", project.get("targetedIssues"));
        create.put("description", project.get("description"));
        create.put("leadOrganizationId", organization.apply(project.get("lead").asString()));
        create.put("contact", project.get("contact"));
        create.put("regionCodes", project.get("regionCodes"));
        return api.post("/api/projects/projects", create, "demo/project/" + key, 201).text("id");
    }

    /** Projects learns organizations from membership's events: a project may only name those it knows. */
    private void awaitKnownToProjects(String organizationId) {
        long deadline = System.nanoTime() + KNOWN_TIMEOUT.toNanos();
        while (api.get("/api/projects/organizations/" + organizationId, 200, 404).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new PlatformApi.DemoLoadException("Organization " + organizationId
                        + " never reached projects-service (membership events not flowing?)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs independent loads a few at a time: each request waits on the network and the service far more than
     * on the gateway's quota, which {@link PlatformApi} respects anyway.
     */
    private static <T> void inParallel(List<T> items, Consumer<T> load) {
        ExecutorService workers = Executors.newFixedThreadPool(PARALLELISM);
        try {
            List<Future<?>> running = items.stream().<Future<?>>map(item -> workers.submit(() -> load.accept(item)))
                    .toList();
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * A request body with its fields in the order given: a retried request (same {@code Idempotency-Key}) must
     * be the same bytes, even from another run of the loader ({@code Map.of} orders differently in each JVM).
     */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String etag(PlatformApi.Reply reply) {
        return reply.etag().orElseThrow(() -> new PlatformApi.DemoLoadException("No ETag in " + reply.body()));
    }

    /** {@code DemoLoader <gateway URL> <issuer URL>}: loads the demo content into a running stack. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: DemoLoader <gateway URL, e.g. http://127.0.0.1:8080> "
                    + "<issuer URL, e.g. http://127.0.0.1:9000>");
            System.exit(2);
            return;
        }
        Report report = new DemoLoader(URI.create(args[0]), ClientCredentials.demoLoader(URI.create(args[1])))
                .load(DemoContent.load());
        System.out.println("Demo content: " + report);
    }
}
