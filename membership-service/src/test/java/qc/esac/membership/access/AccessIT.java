package qc.esac.membership.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import qc.esac.events.Topics;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.membership.support.Api;
import qc.esac.membership.support.PublishedEvents;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;

/**
 * Who may act for which organization, granted in the platform: invitations accepted with a single-use code,
 * employees linked to their accounts, revocations, and self-service onboarding, with tokens that say nothing of
 * these grants (as a freshly signed-up account's do).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Api api() {
        return new Api(port);
    }

    /** A signed-up account: a subject and an email, no role, no organization. */
    private static String account(String subject, String email) {
        return TestTokens.builder(subject).claim("email", email).build();
    }

    private String organization(String name) {
        Api.Response created = api().post("/api/membership/organizations", TestTokens.staff("any"), """
                {"legalName": "%s", "neq": "%s", "legalForm": "OBNL", "regionCode": "04", "sectorCodes": []}
                """.formatted(name, Api.randomNeq()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private Api.Response invite(String token, String role, String email, String organizationId, String extra) {
        return api().post("/api/membership/invitations", token, """
                {"role": "%s", "email": "%s", "organizationId": %s %s}
                """.formatted(role, email, organizationId == null ? "null" : "\"" + organizationId + "\"",
                extra == null ? "" : ", " + extra));
    }

    private Api.Response accept(String token, String code) {
        return api().post("/api/membership/invitations/acceptance", token, "{\"code\": \"" + code + "\"}");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void staffInviteAnAdministratorWhoAcceptsAndActsForTheOrganizationWithTheTokenTheyAlreadyHad() {
        String organization = organization("Cuisine collective des Trois-Rives");
        String subject = unique("compte");
        String person = account(subject, "Gestion@Trois-Rives.example");
        assertThat(api().get("/api/membership/organizations/" + organization, person).status()).isEqualTo(403);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response invited = invite(TestTokens.staff("csmo"), "ORG_ADMIN", "gestion@trois-rives.example",
                    organization, null);
            assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
            assertThat(invited.json().at("/invitation/status").asString()).isEqualTo("INVITED");
            assertThat(invited.body()).doesNotContain("codeHash");
            String code = invited.text("code");
            String grantId = invited.json().at("/invitation/id").asString();

            Api.Response accepted = accept(person, code.toLowerCase());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.text("status")).isEqualTo("ACTIVE");
            assertThat(accepted.text("userId")).isEqualTo(subject);
            assertThat(accepted.text("invitedBy")).isEqualTo(TestTokens.STAFF_SUBJECT);
            assertThat(accepted.text("acceptedAt")).isNotBlank();

            // The same token, issued before the grant: membership counts the grant at once.
            assertThat(api().get("/api/membership/organizations/" + organization, person).status()).isEqualTo(200);

            var events = PublishedEvents.expect(probe, grantId, AccessGranted.class);
            assertThat(events.get(0).data().get("userId").asString()).isEqualTo(subject);
            assertThat(events.get(0).data().get("kind").asString()).isEqualTo("ORG_ADMIN");
            assertThat(events.get(0).data().get("organizationId").asString()).isEqualTo(organization);

            Api.Response reused = accept(person, code);
            assertThat(reused.status()).isEqualTo(409);
            assertThat(reused.contentType()).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(reused.text("title")).isEqualTo("Invitation déjà utilisée");
        }
    }

    @Test
    void aCodeForAnotherEmailAnExpiredCodeOrAnUnknownOneChangesNothing() {
        String organization = organization("Coopérative funéraire du Littoral");
        Api.Response invited = invite(TestTokens.orgAdmin(organization), "ORG_ADMIN", "direction@littoral.example",
                organization, null);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String code = invited.text("code");
        String grantId = invited.json().at("/invitation/id").asString();

        Api.Response otherEmail = accept(account(unique("intrus"), "quelquun@ailleurs.example"), code);
        assertThat(otherEmail.status()).isEqualTo(403);
        assertThat(otherEmail.text("title")).isEqualTo("Invitation destinée à une autre adresse");
        Api.Response noEmail = accept(TestTokens.builder(unique("sans-courriel")).build(), code);
        assertThat(noEmail.status()).isEqualTo(403);
        Api.Response unknown = accept(account(unique("x"), "direction@littoral.example"), "AAAAA-BBBBB-CCCCC-DDDDD");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("title")).isEqualTo("Invitation introuvable");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(grantId)),
                new Update().set("state.expiresAt", Instant.now().minus(Duration.ofMinutes(1))), "grants");
        Api.Response expired = accept(account(unique("direction"), "direction@littoral.example"), code);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.text("title")).isEqualTo("Invitation expirée");

        Api.Response list = api().get("/api/membership/grants?organizationId=" + organization,
                TestTokens.orgAdmin(organization));
        assertThat(list.json().at("/items/0/status").asString()).isEqualTo("INVITED");
        assertThat(list.json().at("/items/0/userId").isNull()).isTrue();
        assertThat(list.json().at("/items/0/version").asLong()).isEqualTo(1);
    }

    @Test
    void anAdministratorInvitesOnlyForTheirOwnOrganizationAndTheLastAdministratorStaysUnlessStaffRevoke() {
        String organization = organization("Centre de femmes La Traversée");
        String other = organization("Maison de la famille du Rivage");
        String first = unique("premiere");
        String firstToken = account(first, "premiere@traversee.example");
        assertThat(accept(firstToken, invite(TestTokens.staff("csmo"), "ORG_ADMIN", "premiere@traversee.example",
                organization, null).text("code")).status()).isEqualTo(200);

        Api.Response elsewhere = invite(firstToken, "ORG_ADMIN", "x@rivage.example", other, null);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.text("detail")).contains(other);
        assertThat(invite(firstToken, "STAFF", "x@rivage.example", null, "\"networkId\": \"csmo\"").status())
                .isEqualTo(403);
        assertThat(api().get("/api/membership/grants?organizationId=" + other, TestTokens.orgAdmin(other)).json()
                .get("totalItems").asLong()).isZero();

        String firstGrant = api().get("/api/membership/grants/mine", firstToken).json().get(0).get("id").asString();
        Api.Response last = api().post("/api/membership/grants/" + firstGrant + "/revocation", firstToken, null);
        assertThat(last.status()).isEqualTo(422);
        assertThat(last.text("title")).isEqualTo("Dernier administrateur");
        assertThat(api().get("/api/membership/organizations/" + organization, firstToken).status()).isEqualTo(200);

        String second = unique("seconde");
        String secondToken = account(second, "seconde@traversee.example");
        Api.Response invited = invite(firstToken, "ORG_ADMIN", "seconde@traversee.example", organization, null);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(accept(secondToken, invited.text("code")).status()).isEqualTo(200);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response revoked = api().post("/api/membership/grants/" + firstGrant + "/revocation", secondToken,
                    null);
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            assertThat(revoked.text("status")).isEqualTo("REVOKED");
            assertThat(revoked.text("revokedBy")).isEqualTo(second);
            PublishedEvents.expectFrom(probe, firstGrant, 2, AccessRevoked.class);
        }
        assertThat(api().get("/api/membership/organizations/" + organization, firstToken).status()).isEqualTo(403);

        String secondGrant = api().get("/api/membership/grants/mine", secondToken).json().get(0).get("id").asString();
        assertThat(api().post("/api/membership/grants/" + secondGrant + "/revocation", secondToken, null).status())
                .isEqualTo(422);
        assertThat(api().post("/api/membership/grants/" + secondGrant + "/revocation", TestTokens.staff("csmo"), null)
                .status()).isEqualTo(200);
        assertThat(api().get("/api/membership/organizations/" + organization, secondToken).status()).isEqualTo(403);
    }

    @Test
    void anEmployeeLinkedToTheirAccountSeesTheirOwnEntryAndNothingElseOfTheOrganization() {
        String organization = organization("Ressourcerie du Haut-Pays");
        String admin = TestTokens.orgAdmin(organization);
        Api.Response added = api().post("/api/membership/organizations/" + organization + "/employees", admin, """
                {"firstName": "Élodie", "lastName": "Exemple", "workEmail": "elodie@haut-pays.example",
                 "jobTitle": "Valoriste", "employmentStatus": "FULL_TIME", "weeklyHours": 35,
                 "hireDate": "2024-09-03"}
                """);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String employeeId = added.text("id");

        Api.Response invited = invite(admin, "EMPLOYEE", "elodie@haut-pays.example", organization,
                "\"employeeId\": \"" + employeeId + "\"");
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String subject = unique("elodie");
        String token = account(subject, "elodie@haut-pays.example");
        Api.Response accepted = accept(token, invited.text("code"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("employeeId")).isEqualTo(employeeId);

        Api.Response mine = api().get("/api/membership/employees/me", token);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get(0).get("id").asString()).isEqualTo(employeeId);
        assertThat(api().get("/api/membership/organizations/" + organization + "/employees/" + employeeId, token)
                .status()).isEqualTo(200);
        assertThat(api().get("/api/membership/organizations/" + organization + "/employees", token).status())
                .isEqualTo(403);
        assertThat(api().get("/api/membership/grants?organizationId=" + organization, token).status())
                .isEqualTo(403);
        assertThat(invite(token, "ORG_ADMIN", "x@haut-pays.example", organization, null).status()).isEqualTo(403);

        String grantId = accepted.text("id");
        assertThat(api().post("/api/membership/grants/" + grantId + "/revocation", admin, null).status())
                .isEqualTo(200);
        assertThat(api().get("/api/membership/employees/me", token).status()).isEqualTo(403);
        assertThat(api().get("/api/membership/organizations/" + organization + "/employees/" + employeeId, admin)
                .json().get("userId").isNull()).isTrue();
    }

    @Test
    void aSignedUpPersonRegistersTheirOrganizationAndAdministersItOnceTheNetworkApproves() {
        String network = "reseau-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api().post("/api/membership/networks", TestTokens.staff(network), """
                {"id": "%s", "name": "Réseau d’accueil (essai)", "fiscalYearEnd": "03-31", "renewalWindowDays": 60,
                 "graceDays": 60, "categories": [{"code": "REGULAR", "nameFr": "Membre régulier",
                 "nameEn": "Regular member", "votingRights": true, "annualFee": 100}]}
                """.formatted(network)).status()).isEqualTo(201);
        String subject = unique("fondatrice");
        String person = account(subject, "fondatrice@jardins.example");
        String request = """
                {"legalName": "Jardins collectifs de la Pointe", "neq": "%s", "legalForm": "OBNL",
                 "regionCode": "05", "networkId": "%s", "category": "%s"}
                """;

        Api.Response wrongCategory = api().post("/api/membership/onboarding", person,
                request.formatted(Api.randomNeq(), network, "GOLD"));
        assertThat(wrongCategory.status()).isEqualTo(400);
        assertThat(api().get("/api/membership/onboarding", person).json().size()).isZero();

        Api.Response registered = api().post("/api/membership/onboarding", person,
                request.formatted(Api.randomNeq(), network, "REGULAR"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("grantStatus")).isEqualTo("PENDING");
        assertThat(registered.text("membershipStatus")).isEqualTo("APPLIED");
        String organization = registered.text("organizationId");
        String membership = registered.text("membershipId");
        assertThat(api().get("/api/membership/organizations/" + organization, person).status()).isEqualTo(403);

        Api.Response approved = api().post("/api/membership/memberships/" + membership + "/approval",
                TestTokens.staff(network), "{}", "\"1\"");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        eventually(() -> api().get("/api/membership/onboarding", person).json().get(0).get("grantStatus")
                .asString().equals("ACTIVE"));
        assertThat(api().get("/api/membership/onboarding", person).json().get(0).get("membershipStatus").asString())
                .isEqualTo("APPROVED");
        assertThat(api().get("/api/membership/grants/mine", person).json().get(0).get("grantedBy").asString())
                .isEqualTo(TestTokens.STAFF_SUBJECT);
        Api.Response profile = api().get("/api/membership/organizations/" + organization, person);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(api().get("/api/membership/memberships/" + membership, person).text("status"))
                .isEqualTo("APPROVED");
        assertThat(api().send("POST", "/api/membership/organizations/" + organization + "/employees", person, """
                {"firstName": "Noé", "lastName": "Exemple", "employmentStatus": "PART_TIME", "weeklyHours": 20,
                 "hireDate": "2025-04-01"}
                """, Map.of()).status()).isEqualTo(201);
    }

    @Test
    void twoAdministratorsEndingEachOthersGrantsAtOnceLeaveOneOfThem() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String organization = organization("Coopérative de solidarité du Fjord " + round);
                String[] tokens = new String[2];
                String[] grantIds = new String[2];
                for (int i = 0; i < 2; i++) {
                    String email = "admin" + i + "@fjord.example";
                    tokens[i] = account(unique("admin" + i), email);
                    assertThat(accept(tokens[i], invite(TestTokens.staff("csmo"), "ORG_ADMIN", email, organization,
                            null).text("code")).status()).isEqualTo(200);
                    grantIds[i] = api().get("/api/membership/grants/mine", tokens[i]).json().get(0).get("id")
                            .asString();
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String token = tokens[i];
                    String othersGrant = grantIds[1 - i];
                    answers.add(callers.submit(() -> {
                        together.await();
                        return api().post("/api/membership/grants/" + othersGrant + "/revocation", token, null)
                                .status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                // One ends the other's grant; the other is refused: the last administrator (422), or no longer an
                // administrator at all when the first revocation was complete before their request began (403).
                assertThat(statuses).as("round %d", round).containsOnlyOnce(200)
                        .anySatisfy(status -> assertThat(status).isIn(403, 422));
                long stillAdministering = java.util.Arrays.stream(tokens).filter(token -> api()
                        .get("/api/membership/organizations/" + organization, token).status() == 200).count();
                assertThat(stillAdministering).as("round %d", round).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anAdministrationLockHeldAnswers409UntilItsLeaseEnds() {
        String organization = organization("Coopérative d’habitation des Érables");
        String[] tokens = new String[2];
        for (int i = 0; i < 2; i++) {
            String email = "admin" + i + "@erables.example";
            tokens[i] = account(unique("admin" + i), email);
            assertThat(accept(tokens[i], invite(TestTokens.staff("csmo"), "ORG_ADMIN", email, organization, null)
                    .text("code")).status()).isEqualTo(200);
        }
        String secondGrant = api().get("/api/membership/grants/mine", tokens[1]).json().get(0).get("id").asString();
        // Another instance holds the lock (and perhaps died holding it).
        mongo.getCollection(AdministrationLocks.COLLECTION).insertOne(new Document("_id", organization)
                .append("holder", "another-instance").append("until", Instant.now().plusSeconds(60)));

        Api.Response busy = api().post("/api/membership/grants/" + secondGrant + "/revocation", tokens[0], null);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.text("title")).isEqualTo("Administration de l’organisation occupée");
        assertThat(api().get("/api/membership/organizations/" + organization, tokens[1]).status()).isEqualTo(200);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(organization)),
                new Update().set("until", Instant.now().minusSeconds(1)), AdministrationLocks.COLLECTION);
        Api.Response revoked = api().post("/api/membership/grants/" + secondGrant + "/revocation", tokens[0], null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(mongo.getCollection(AdministrationLocks.COLLECTION)
                .countDocuments(new Document("_id", organization))).as("released").isZero();
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
