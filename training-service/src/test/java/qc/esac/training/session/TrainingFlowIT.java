package qc.esac.training.session;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import qc.esac.training.Api;
import qc.esac.training.MembershipFixtures;
import qc.esac.training.TrainingClock;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue-to-attestation flow over HTTP with real tokens, on the real broker and store: what each role may
 * do, the French problems of refused requests (which change nothing), and the events published for each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingFlowIT {

    private static final String NETWORK = "reseau-csmo-esac";

    @LocalServerPort
    int port;

    @Autowired
    TrainingClock clock;

    private Api api;
    private final String staff = TestTokens.staff(NETWORK);
    private final String org = "org-" + UUID.randomUUID();
    private final String admin = TestTokens.orgAdmin(org);

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void staffManageTheCatalogueAndEveryoneSearchesIt() {
        String unique = "Zyxqu" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode course = api.post("/api/training/courses", staff, course("Gestion d’équipe " + unique, "GRH", 12))
                .expect(201).body();
        String id = course.path("id").asString();
        assertThat(course.path("uec").asString()).isEqualTo("1.2");

        // Anonymous search, without accents or case, with filters.
        JsonNode found = api.get("/api/training/courses?q=GESTION+equipe+" + unique.toLowerCase()
                + "&theme=GRH&format=GROUP_OF_ORGANIZATIONS&mode=IN_PERSON&size=5", null).expect(200).body();
        assertThat(found.path("totalItems").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(api.get("/api/training/courses?q=" + unique + "&theme=FINANCES", null).expect(200).body()
                .path("totalItems").asInt()).isZero();

        // Updates need the version read; a stale one is refused.
        Api.Response read = api.get("/api/training/courses/" + id, null).expect(200);
        Map<String, Object> changed = course("Gestion d’équipe avancée " + unique, "GRH", 14);
        api.put("/api/training/courses/" + id, staff, changed, null).expectProblem(428, "If-Match");
        api.put("/api/training/courses/" + id, staff, changed, read.etag()).expect(200);
        api.put("/api/training/courses/" + id, staff, changed, read.etag()).expect(412);
        assertThat(api.get("/api/training/courses/" + id, null).body().path("hours").asInt()).isEqualTo(14);
    }

    @Test
    void onlyTheNetworksStaffManageItsCatalogueAndBadInputChangesNothing() {
        String unique = UUID.randomUUID().toString();
        api.post("/api/training/courses", admin, course("Cours " + unique, "GRH", 7)).expectProblem(403, "");
        api.post("/api/training/courses", TestTokens.staff("autre-reseau"), course("Cours " + unique, "GRH", 7))
                .expectProblem(403, "reseau-csmo-esac");
        api.post("/api/training/courses", null, course("Cours " + unique, "GRH", 7)).expect(401);

        Map<String, Object> invalid = course("", "grh minuscule", 0);
        Api.Response refused = api.post("/api/training/courses", staff, invalid).expect(400);
        assertThat(refused.body().path("title").asString()).isEqualTo("Données invalides");
        assertThat(refused.raw()).contains("title.fr").contains("hours").contains("themes[0]");
        assertThat(api.get("/api/training/courses?q=" + unique, null).body().path("totalItems").asInt()).isZero();
    }

    @Test
    void registrationPricingWaitlistPromotionAndEvents() throws Exception {
        String courseId = newCourse(12);
        String sessionId = newSession(courseId, clock.today().plusDays(20), 1);
        String other = "org-" + UUID.randomUUID();
        activeMember(org);

        // Not open yet: refused in French, nothing registered.
        api.post("/api/training/sessions/" + sessionId + "/registrations", admin, external(org, "lea"))
                .expectProblem(422, "pas encore ouvertes");
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);

        try (TopicProbe events = TopicProbe.from(Topics.TRAINING)) {
            JsonNode lea = api.post("/api/training/sessions/" + sessionId + "/registrations", admin,
                    external(org, "lea")).expect(201).body();
            assertThat(lea.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(lea.path("memberPrice").asBoolean()).isTrue();
            assertThat(lea.path("price").decimalValue()).isEqualByComparingTo("120");

            // The same person again: a conflict, in French.
            api.post("/api/training/sessions/" + sessionId + "/registrations", admin, external(org, "lea"))
                    .expectProblem(409, "déjà inscrit");

            JsonNode max = api.post("/api/training/sessions/" + sessionId + "/registrations",
                    TestTokens.orgAdmin(other), external(other, "max")).expect(201).body();
            assertThat(max.path("status").asString()).isEqualTo("WAITLISTED");
            assertThat(max.path("waitlistPosition").asInt()).isEqualTo(1);
            assertThat(api.get("/api/training/sessions/" + sessionId, null).body().path("status").asString())
                    .isEqualTo("FULL");

            // An administrator sees only their organization's registrations; staff see all.
            assertThat(api.get("/api/training/sessions/" + sessionId + "/registrations", admin).expect(200).body()
                    .path("items").size()).isEqualTo(1);
            assertThat(api.get("/api/training/sessions/" + sessionId + "/registrations", staff).expect(200).body()
                    .path("totalItems").asInt()).isEqualTo(2);
            // The calendar is public, the registrations are not.
            assertThat(api.get("/api/training/sessions/" + sessionId, null).expect(200).raw()).doesNotContain("lea");
            api.get("/api/training/sessions/" + sessionId + "/registrations", null).expect(401);
            api.get("/api/training/sessions/" + sessionId + "/registrations", TestTokens.employee("emp-9", org))
                    .expect(403);

            // Another organization cannot cancel Léa's registration; hers can.
            String leaPath = "/api/training/sessions/" + sessionId + "/registrations/" + lea.path("id").asString();
            api.post(leaPath + "/cancel", TestTokens.orgAdmin(other), null).expectProblem(403, org);
            api.post(leaPath + "/cancel", admin, null).expect(200);

            JsonNode promoted = api.get("/api/training/sessions/" + sessionId + "/registrations/"
                    + max.path("id").asString(), staff).expect(200).body();
            // One more seat, then a third person: changing the session needs the version read.
            Api.Response read = api.get("/api/training/sessions/" + sessionId, null).expect(200);
            LocalDate start = clock.today().plusDays(20);
            Map<String, Object> details = Map.of("startDate", start.toString(), "endDate", start.toString(),
                    "mode", "IN_PERSON", "location", "Québec", "seats", 2, "memberPrice", 120, "nonMemberPrice", 180,
                    "registrationDeadline", start.toString());
            api.put("/api/training/sessions/" + sessionId, staff, details, null).expect(428);
            api.put("/api/training/sessions/" + sessionId, admin, details, read.etag()).expect(403);
            assertThat(api.put("/api/training/sessions/" + sessionId, staff, details, read.etag()).expect(200).body()
                    .path("seatsLeft").asInt()).isEqualTo(1);
            api.put("/api/training/sessions/" + sessionId, staff, details, read.etag()).expect(412);
            assertThat(promoted.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(promoted.path("promotedFromWaitlist").asBoolean()).isTrue();
            assertThat(promoted.path("memberPrice").asBoolean()).isFalse(); // the other organization is no member

            List<ConsumerRecord<String, byte[]>> published = events.await(TopicProbe.subject(sessionId)
                    .and(r -> !TopicProbe.header(r, "ce_type").contains(".session-scheduled")), 5, Duration.ofSeconds(20));
            assertThat(published).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "qc.esac.training.registration-confirmed.v1", "qc.esac.training.registration-waitlisted.v1",
                    "qc.esac.training.registration-cancelled.v1", "qc.esac.training.registration-confirmed.v1",
                    "qc.esac.training.session-updated.v1");
            for (ConsumerRecord<String, byte[]> record : published) {
                EventSchemas.validate(TopicProbe.header(record, "ce_type"), record.value());
            }
        }
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = course("Cours " + key, "GRH", 7);
        String first = api.postOnce("/api/training/courses", staff, body, key).expect(201).body().path("id").asString();
        assertThat(api.postOnce("/api/training/courses", staff, body, key).expect(201).body().path("id").asString())
                .isEqualTo(first);
        assertThat(api.get("/api/training/courses?q=" + key, null).body().path("totalItems").asInt()).isEqualTo(1);

        String sessionId = newSession(first, clock.today().plusDays(9), 5);
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        String path = "/api/training/sessions/" + sessionId + "/registrations";
        String registration = api.postOnce(path, admin, external(org, "lea"), key).expect(201).body().path("id")
                .asString();
        assertThat(api.postOnce(path, admin, external(org, "lea"), key).expect(201).body().path("id").asString())
                .isEqualTo(registration);
        assertThat(api.get(path, staff).body().path("totalItems").asInt()).isEqualTo(1);
        // Without the key, the same person again is a duplicate registration.
        api.post(path, admin, external(org, "lea")).expect(409);
    }

    @Test
    void employeesAndStrangersCannotRegisterAndCancelledSessionsRefuseRegistrations() {
        String sessionId = newSession(newCourse(7), clock.today().plusDays(10), 5);
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);

        api.post("/api/training/sessions/" + sessionId + "/registrations", TestTokens.employee("emp-1", org),
                external(org, "emp")).expectProblem(403, org);
        api.post("/api/training/sessions/" + sessionId + "/registrations", TestTokens.orgAdmin("org-autre"),
                external(org, "x")).expectProblem(403, org);
        api.post("/api/training/sessions/" + sessionId + "/registrations", admin,
                Map.of("organizationId", org)).expectProblem(400, "");
        api.post("/api/training/sessions/" + sessionId + "/open", admin, null).expect(403);
        api.post("/api/training/sessions/" + sessionId + "/cancel", TestTokens.staff("autre-reseau"),
                Map.of("reason", "x")).expect(403);

        api.post("/api/training/sessions/" + sessionId + "/cancel", staff, Map.of("reason", "Formatrice malade"))
                .expect(200);
        api.post("/api/training/sessions/" + sessionId + "/registrations", admin, external(org, "lea"))
                .expectProblem(422, "annulée");
        api.postEnglish("/api/training/sessions/" + sessionId + "/registrations", admin, external(org, "lea"))
                .expectProblem(422, "cancelled");
        assertThat(api.get("/api/training/sessions/" + sessionId + "/registrations", staff).body()
                .path("totalItems").asInt()).isZero();
    }

    @Test
    void attendanceAttestationsVerificationAndLedgers() throws Exception {
        LocalDate today = clock.today();
        String futureSession = newSession(newCourse(12), today.plusDays(5), 5);
        api.post("/api/training/sessions/" + futureSession + "/open", staff, null).expect(200);
        String futureRegistration = api.post("/api/training/sessions/" + futureSession + "/registrations", admin,
                external(org, "zoe")).expect(201).body().path("id").asString();
        api.put("/api/training/sessions/" + futureSession + "/attendance", staff,
                Map.of("entries", List.of(Map.of("registrationId", futureRegistration, "hours", 12))), null)
                .expectProblem(422, "commence le");

        // A session given today.
        String sessionId = newSession(newCourse(12), today, 5);
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        String ana = register(sessionId, "ana");
        String ben = register(sessionId, "ben");
        String attendance = "/api/training/sessions/" + sessionId + "/attendance";
        api.put(attendance, admin, Map.of("entries", List.of(Map.of("registrationId", ana, "hours", 12))), null)
                .expect(403);
        api.put(attendance, staff, Map.of("entries", List.of(Map.of("registrationId", ana, "hours", 13))), null)
                .expectProblem(400, "");
        api.post("/api/training/sessions/" + sessionId + "/complete", staff, null).expectProblem(422, "Les présences");
        api.put(attendance, staff, Map.of("entries", List.of(Map.of("registrationId", ana, "hours", 10.8),
                Map.of("registrationId", ben, "hours", 9))), null).expect(200);

        try (TopicProbe events = TopicProbe.from(Topics.TRAINING)) {
            assertThat(api.post("/api/training/sessions/" + sessionId + "/complete", staff, null).expect(200).body()
                    .path("status").asString()).isEqualTo("COMPLETED");
            List<ConsumerRecord<String, byte[]>> published = events.await(TopicProbe.subject(sessionId), 2,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "qc.esac.training.session-completed.v1", "qc.esac.training.attestation-issued.v1");
            JsonNode attestation = EventSchemas.validate(TopicProbe.header(published.get(1), "ce_type"),
                    published.get(1).value());
            assertThat(attestation.path("organizationId").asString()).isEqualTo(org);
            assertThat(attestation.path("uec").decimalValue()).isEqualByComparingTo("1.2");
            assertThat(attestation.path("hours").decimalValue()).isEqualByComparingTo("12");
        }

        JsonNode anaRegistration = api.get("/api/training/sessions/" + sessionId + "/registrations/" + ana, admin)
                .expect(200).body();
        assertThat(anaRegistration.at("/attendancePercent").decimalValue()).isEqualByComparingTo("90");
        String code = anaRegistration.at("/attestation/verificationCode").asString();
        String personId = anaRegistration.path("personId").asString();
        assertThat(api.get("/api/training/sessions/" + sessionId + "/registrations/" + ben, admin).body()
                .path("attestation").isNull()).isTrue();

        // Anyone verifies the code, typed loosely.
        JsonNode verified = api.get("/api/training/verifications/" + code.toLowerCase().replace("-", " ")
                .replace(" ", ""), null).expect(200).body();
        assertThat(verified.path("valid").asBoolean()).isTrue();
        assertThat(verified.path("holder").asString()).isEqualTo("Ana Essai");
        assertThat(verified.path("uec").decimalValue()).isEqualByComparingTo("1.2");
        api.get("/api/training/verifications/AAAA-BBBB-CCCC", null).expectProblem(404, "AAAA-BBBB-CCCC");

        // Ledgers: the organization's, and the person's for their organization; not for strangers.
        JsonNode ledger = api.get("/api/training/organizations/" + org + "/ledger", admin).expect(200).body();
        assertThat(ledger.path("totalUec").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(ledger.at("/people/items/0/personId").asString()).isEqualTo(personId);
        api.get("/api/training/organizations/" + org + "/ledger", TestTokens.orgAdmin("org-autre")).expect(403);
        api.get("/api/training/organizations/" + org + "/ledger", TestTokens.employee(personId, org)).expect(403);
        assertThat(api.get("/api/training/people/" + personId + "/ledger", TestTokens.employee(personId, org))
                .expect(200).body().path("totalUec").decimalValue()).isEqualByComparingTo("1.2");
        api.get("/api/training/people/" + personId + "/ledger", TestTokens.employee("emp-autre", org)).expect(403);

        // Satisfaction: the participant rates, 1 to 5.
        String rate = "/api/training/sessions/" + sessionId + "/registrations/" + ana + "/satisfaction";
        api.put(rate, TestTokens.employee("emp-autre", org), Map.of("rating", 5), null).expect(403);
        api.put(rate, TestTokens.employee(personId, org), Map.of("rating", 6), null).expectProblem(400, "");
        assertThat(api.put(rate, TestTokens.employee(personId, org), Map.of("rating", 5), null).expect(200).body()
                .path("satisfaction").asInt()).isEqualTo(5);
    }

    @Test
    void outsidersWithAStaleVersionLearnNeitherExistenceNorVersion() {
        String courseId = newCourse(7);
        String sessionId = newSession(courseId, clock.today().plusDays(12), 5);
        String stale = "\"0\"";
        String otherStaff = TestTokens.staff("autre-reseau");
        String otherAdmin = TestTokens.orgAdmin("org-autre-" + UUID.randomUUID());
        LocalDate start = clock.today().plusDays(12);
        Map<String, Object> details = Map.of("startDate", start.toString(), "endDate", start.toString(),
                "mode", "IN_PERSON", "location", "Québec", "seats", 3, "memberPrice", 120, "nonMemberPrice", 180,
                "registrationDeadline", start.toString());

        // Refused for who they are, not told that the version moved on.
        api.put("/api/training/courses/" + courseId, otherStaff, course("Cours détourné", "GRH", 7), stale)
                .expectProblem(403, NETWORK);
        api.put("/api/training/sessions/" + sessionId, otherStaff, details, stale).expectProblem(403, NETWORK);
        api.put("/api/training/sessions/" + sessionId, otherAdmin, details, stale).expect(403);
        // The network's own staff with the same stale version: that is a 412.
        api.put("/api/training/sessions/" + sessionId, staff, details, stale).expect(412);
        assertThat(api.get("/api/training/sessions/" + sessionId, null).body().path("seats").asInt()).isEqualTo(5);

        // A person's ledger is refused to another organization's administrator, not shown empty.
        String sessionToday = newSession(newCourse(7), clock.today(), 5);
        api.post("/api/training/sessions/" + sessionToday + "/open", staff, null).expect(200);
        String registration = register(sessionToday, "noe");
        String personId = api.get("/api/training/sessions/" + sessionToday + "/registrations/" + registration, admin)
                .expect(200).body().path("personId").asString();
        api.get("/api/training/people/" + personId + "/ledger", otherAdmin).expect(403);
        api.get("/api/training/people/" + personId + "/registrations", otherAdmin).expect(403);
        api.get("/api/training/people/" + personId + "/ledger", otherStaff).expect(403);
        assertThat(api.get("/api/training/people/" + personId + "/registrations", admin).expect(200).body()
                .path("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void sessionsAndRegistrationsShowTheCourseTitleInTheReadersLanguage() {
        String unique = UUID.randomUUID().toString();
        String courseId = api.post("/api/training/courses", staff, course("Gestion d’équipe " + unique, "GRH", 7))
                .expect(201).body().path("id").asString();
        String sessionId = newSession(courseId, clock.today().plusDays(15), 5);
        api.post("/api/training/sessions/" + sessionId + "/open", staff, null).expect(200);
        String registration = register(sessionId, "ida");

        assertThat(api.get("/api/training/sessions/" + sessionId, null).body().path("courseTitle").asString())
                .isEqualTo("Gestion d’équipe " + unique);
        assertThat(api.getEnglish("/api/training/sessions/" + sessionId, null).body().path("courseTitle")
                .asString()).isEqualTo("Team management");
        assertThat(api.getEnglish("/api/training/sessions/" + sessionId + "/registrations/" + registration, admin)
                .expect(200).body().path("courseTitle").asString()).isEqualTo("Team management");
    }

    private String register(String sessionId, String name) {
        return api.post("/api/training/sessions/" + sessionId + "/registrations", admin, external(org, name))
                .expect(201).body().path("id").asString();
    }

    private void activeMember(String organizationId) {
        MembershipFixtures.standing(MembershipActivated.class, "mbr-" + organizationId, 1, organizationId, NETWORK,
                "ACTIVE", true, clock.today().minusDays(30));
    }

    private String newCourse(int hours) {
        return api.post("/api/training/courses", staff, course("Cours " + UUID.randomUUID(), "GRH", hours))
                .expect(201).body().path("id").asString();
    }

    private String newSession(String courseId, LocalDate start, int seats) {
        return api.post("/api/training/sessions", staff, Map.of("courseId", courseId, "startDate", start.toString(),
                        "endDate", start.toString(), "mode", "IN_PERSON", "location", "Montréal", "seats", seats,
                        "memberPrice", 120, "nonMemberPrice", 180, "registrationDeadline", start.toString()))
                .expect(201).body().path("id").asString();
    }

    private static Map<String, Object> external(String organizationId, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Map.of("organizationId", organizationId, "person", Map.of("firstName", capitalized,
                "lastName", "Essai", "email", name + "." + organizationId + "@exemple.org"));
    }

    private static Map<String, Object> course(String title, String theme, int hours) {
        return Map.of("networkId", NETWORK,
                "title", Map.of("fr", title, "en", "Team management"),
                "description", Map.of("fr", "Outils concrets pour animer une petite équipe."),
                "objectives", List.of(Map.of("fr", "Animer une réunion d’équipe efficace")),
                "audiences", List.of("GESTIONNAIRES"),
                "themes", List.of(theme),
                "formats", List.of("GROUP_OF_ORGANIZATIONS", "IN_ONE_ORGANIZATION"),
                "modes", List.of("IN_PERSON"),
                "hours", hours,
                "trainers", List.of(Map.of("name", "Formatrice Fictive", "title", "Conseillère RH",
                        "credentials", List.of("CRHA"))));
    }
}
