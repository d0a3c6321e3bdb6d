package qc.esac.membership.membership;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApplied;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipFeeRecorded;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.MembershipRejected;
import qc.esac.events.membership.MembershipRenewalDue;
import qc.esac.events.membership.MembershipRenewed;
import qc.esac.events.membership.MembershipResigned;
import qc.esac.events.membership.MembershipSuspended;
import qc.esac.events.membership.MembershipTerminated;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.membership.support.Api;
import qc.esac.membership.support.PublishedEvents;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Networks and memberships over HTTP, on the real broker and store: the lifecycle, its events, who may act. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipIT {

    private static final String MEMBERSHIPS = "/api/membership/memberships";

    @LocalServerPort
    int port;

    @Autowired
    MembershipService service;

    @Autowired
    MongoTemplate mongo;

    private Api api() {
        return new Api(port);
    }

    /** A fresh network (03-31 year end, 60-day window, 60-day grace) and a token for its staff. */
    private String network() {
        String id = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api().post("/api/membership/networks", TestTokens.staff(id), """
                {"id": "%s", "name": "Comité sectoriel de main-d’œuvre (essai)", "fiscalYearEnd": "03-31",
                 "renewalWindowDays": 60, "graceDays": 60, "categories": [
                   {"code": "REGULAR", "nameFr": "Membre régulier", "nameEn": "Regular member", "votingRights": true,
                    "annualFee": 150.00},
                   {"code": "ASSOCIATE", "nameFr": "Membre associé", "nameEn": "Associate member",
                    "votingRights": false, "annualFee": 75}]}
                """.formatted(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    private String organization(String name, String region) {
        return organization(name, region, false);
    }

    private String organization(String name, String region, boolean illustrative) {
        Api.Response created = api().post("/api/membership/organizations", TestTokens.staff("any"), """
                {"legalName": "%s", "neq": "%s", "legalForm": "OBNL", "regionCode": "%s",
                 "sectorCodes": ["EMPLOI_INSERTION"], "illustrative": %s}
                """.formatted(name, Api.randomNeq(), region, illustrative));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private Api.Response applyFor(String organizationId, String networkId, String category, String token) {
        return api().post(MEMBERSHIPS, token, """
                {"organizationId": "%s", "networkId": "%s", "category": "%s"}
                """.formatted(organizationId, networkId, category));
    }

    private Api.Response act(String id, String action, String token, String body, String version) {
        return api().post(MEMBERSHIPS + "/" + id + "/" + action, token, body, "\"" + version + "\"");
    }

    private String fee() {
        return "{\"amount\": 150.00, \"paidOn\": \"" + service.today() + "\", \"method\": \"CHEQUE\", \"reference\": \"1042\"}";
    }

    /** Applied by the organization, approved and paid at the network: active, version 3. */
    private String activeMembership(String organizationId, String networkId, String category) {
        String id = applyFor(organizationId, networkId, category, TestTokens.orgAdmin(organizationId)).text("id");
        String staff = TestTokens.staff(networkId);
        assertThat(act(id, "approval", staff, "{}", "1").status()).isEqualTo(200);
        Api.Response paid = act(id, "fees", staff, fee(), "2");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void theLifecyclePublishesEachTransitionOnceInOrderWithTheStandingAndTheRulesRunSafelyTwiceAtOnce()
            throws Exception {
        String network = network();
        String organization = organization("Carrefour jeunesse-emploi des Moulins", "14");
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String id = activeMembership(organization, network, "REGULAR");
            List<PublishedEvents.Event> events = PublishedEvents.expect(probe, id, MembershipApplied.class,
                    MembershipApproved.class, MembershipFeeRecorded.class, MembershipActivated.class);
            JsonNode activated = events.get(3).data();
            assertThat(activated.get("organizationId").asString()).isEqualTo(organization);
            assertThat(activated.get("networkId").asString()).isEqualTo(network);
            assertThat(activated.get("goodStanding").asBoolean()).isTrue();
            assertThat(activated.get("votingRights").asBoolean()).isTrue();
            assertThat(activated.get("effectiveDate").asString()).isEqualTo(service.today().toString());
            assertThat(events.get(2).data().get("amount").decimalValue()).isEqualByComparingTo("150");

            // Two instances run the rules at the same moment, long after the period: each step comes out once.
            LocalDate later = LocalDate.parse(activated.get("periodEnd").asString()).plusDays(90);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> service.evaluateDue(later));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> service.evaluateDue(later));
            first.get();
            second.get();
            List<PublishedEvents.Event> ruled = PublishedEvents.expect(probe, id, MembershipApplied.class,
                    MembershipApproved.class, MembershipFeeRecorded.class, MembershipActivated.class,
                    MembershipRenewalDue.class, MembershipInGrace.class, MembershipLapsed.class);
            assertThat(ruled.get(6).data().get("goodStanding").asBoolean()).isFalse();
            assertThat(ruled.get(6).data().get("reason").asString()).contains("grâce");

            Api.Response lapsed = api().get(MEMBERSHIPS + "/" + id, TestTokens.staff(network));
            assertThat(lapsed.etag()).as("the three steps were one write").hasValue("\"4\"");
            Api.Response approveLapsed = act(id, "approval", TestTokens.staff(network), "{}", "4");
            assertThat(approveLapsed.status()).isEqualTo(422);
            assertThat(approveLapsed.text("detail")).contains("statut LAPSED");
            Api.Response renewed = act(id, "fees", TestTokens.staff(network), fee(), "4");
            assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
            assertThat(renewed.text("status")).isEqualTo("ACTIVE");
            List<PublishedEvents.Event> all = PublishedEvents.expect(probe, id, MembershipApplied.class,
                    MembershipApproved.class, MembershipFeeRecorded.class, MembershipActivated.class,
                    MembershipRenewalDue.class, MembershipInGrace.class, MembershipLapsed.class,
                    MembershipFeeRecorded.class, MembershipRenewed.class);
            assertThat(all.get(8).data().get("restarted").asBoolean()).isTrue();
            assertThat(all.get(8).data().get("goodStanding").asBoolean()).isTrue();
        }
    }

    @Test
    void whoMayDoWhatWithAMembership() {
        String network = network();
        String otherNetwork = network();
        String organization = organization("Cuisines collectives du Plateau", "06");
        String other = organization("Cuisines collectives de Verdun", "06");
        String staff = TestTokens.staff(network);

        assertThat(applyFor(organization, network, "REGULAR", TestTokens.orgAdmin(other)).status()).isEqualTo(403);
        assertThat(applyFor(organization, network, "REGULAR", TestTokens.employee("e-1", organization)).status())
                .isEqualTo(403);
        assertThat(applyFor(organization, network, "REGULAR", TestTokens.partner("courtier")).status()).isEqualTo(403);
        Api.Response unknownCategory = applyFor(organization, network, "PLATINE", TestTokens.orgAdmin(organization));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().at("/errors/0/message").asString()).contains("PLATINE", network);

        String id = applyFor(organization, network, "REGULAR", TestTokens.orgAdmin(organization)).text("id");
        Api.Response twice = applyFor(organization, network, "ASSOCIATE", staff);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("title")).isEqualTo("Adhésion déjà en cours");

        assertThat(act(id, "approval", TestTokens.orgAdmin(organization), "{}", "1").status()).isEqualTo(403);
        assertThat(act(id, "approval", TestTokens.staff(otherNetwork), "{}", "1").status()).isEqualTo(403);
        assertThat(act(id, "approval", TestTokens.partner("courtier"), "{}", "1").status()).isEqualTo(403);
        assertThat(act(id, "rejection", staff, "{}", "1").status()).as("a rejection needs its reason").isEqualTo(400);
        assertThat(act(id, "approval", staff, "{}", "9").status()).isEqualTo(412);
        assertThat(api().post(MEMBERSHIPS + "/" + id + "/approval", staff, "{}").status()).isEqualTo(428);
        Api.Response approved = act(id, "approval", staff, "{\"reason\": \"Conseil d’administration du 12 mars\"}", "1");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("amountDue").decimalValue()).as("the first period's fee").isEqualByComparingTo("150");
        assertThat(approved.etag()).hasValue("\"2\"");
        Api.Response early = act(id, "renewal", staff, null, "2");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.text("detail")).contains("statut APPROVED");
        Api.Response english = api().send("POST", MEMBERSHIPS + "/" + id + "/renewal", staff, null,
                java.util.Map.of("If-Match", "\"2\"", "Accept-Language", "en"));
        assertThat(english.text("title")).isEqualTo("Transition not allowed");
        assertThat(english.text("detail")).contains("status APPROVED");

        assertThat(api().get(MEMBERSHIPS + "/" + id, TestTokens.orgAdmin(organization)).json().has("history")).isTrue();
        JsonNode standing = api().get(MEMBERSHIPS + "/" + id, TestTokens.partner("courtier")).json();
        assertThat(standing.has("history")).isFalse();
        assertThat(standing.get("goodStanding").asBoolean()).isFalse();
        assertThat(api().get(MEMBERSHIPS + "/" + id, TestTokens.employee("e-2", organization)).status())
                .isEqualTo(200);
        assertThat(api().get(MEMBERSHIPS + "/" + id, TestTokens.orgAdmin(other)).status()).isEqualTo(403);
        assertThat(api().get(MEMBERSHIPS + "/" + id, TestTokens.staff(otherNetwork)).status()).isEqualTo(403);

        JsonNode listed = api().get(MEMBERSHIPS + "?networkId=" + network, staff).json();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(api().get(MEMBERSHIPS + "?networkId=" + network, TestTokens.staff(otherNetwork)).json()
                .get("totalItems").asLong()).isZero();
        assertThat(api().get(MEMBERSHIPS + "?networkId=" + network, TestTokens.orgAdmin(other)).json()
                .get("totalItems").asLong()).isZero();

        assertThat(act(id, "resignation", TestTokens.orgAdmin(other), "{}", "2").status()).isEqualTo(403);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response resigned = act(id, "resignation", TestTokens.orgAdmin(organization),
                    "{\"reason\": \"Fin des activités visées\"}", "2");
            assertThat(resigned.status()).isEqualTo(200);
            JsonNode event = PublishedEvents.expectFrom(probe, id, 3, MembershipResigned.class).get(0).data();
            assertThat(event.get("previousStatus").asString()).isEqualTo("APPROVED");
            assertThat(event.get("reason").asString()).isEqualTo("Fin des activités visées");
        }
        assertThat(applyFor(organization, network, "ASSOCIATE", TestTokens.orgAdmin(organization)).status())
                .as("a new application once the previous membership ended").isEqualTo(201);
    }

    @Test
    void rejectionSuspensionAndReinstatementArePublishedWithTheirReasons() {
        String network = network();
        String staff = TestTokens.staff(network);
        String applicant = organization("Groupe d’entraide Le Fil", "09");
        String member = organization("Groupe d’entraide La Boussole", "09");
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String rejected = applyFor(applicant, network, "REGULAR", TestTokens.orgAdmin(applicant)).text("id");
            assertThat(act(rejected, "rejection", staff, "{\"reason\": \"Hors du territoire desservi\"}", "1")
                    .status()).isEqualTo(200);
            JsonNode rejection = PublishedEvents.expect(probe, rejected, MembershipApplied.class,
                    MembershipRejected.class).get(1).data();
            assertThat(rejection.get("reason").asString()).isEqualTo("Hors du territoire desservi");
            assertThat(rejection.get("status").asString()).isEqualTo("REJECTED");

            String id = activeMembership(member, network, "REGULAR");
            Api.Response suspended = act(id, "suspension", staff,
                    "{\"reason\": \"Manquement aux règlements\", \"effectiveDate\": \"" + service.today() + "\"}", "3");
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(suspended.json().get("votingRights").asBoolean()).isFalse();
            assertThat(act(id, "suspension", staff, "{\"reason\": \"Encore\"}", "4").status()).isEqualTo(422);
            assertThat(act(id, "reinstatement", staff, "{}", "4").status()).isEqualTo(200);
            List<PublishedEvents.Event> events = PublishedEvents.expect(probe, id, MembershipApplied.class,
                    MembershipApproved.class, MembershipFeeRecorded.class, MembershipActivated.class,
                    MembershipSuspended.class, MembershipReinstated.class);
            assertThat(events.get(4).data().get("goodStanding").asBoolean()).isFalse();
            assertThat(events.get(4).data().get("reason").asString()).isEqualTo("Manquement aux règlements");
            assertThat(events.get(5).data().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(events.get(5).data().get("votingRights").asBoolean()).isTrue();
        }
    }

    @Test
    void closingAnOrganizationTerminatesItsMemberships() {
        String network = network();
        String organization = organization("Coopérative de travail La Relance", "08");
        String id = activeMembership(organization, network, "REGULAR");
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response closed = api().post("/api/membership/organizations/" + organization + "/closure",
                    TestTokens.orgAdmin(organization), "{\"closedOn\": \"" + service.today() + "\"}", "\"1\"");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
            JsonNode event = PublishedEvents.expectFrom(probe, id, 5, MembershipTerminated.class).get(0).data();
            assertThat(event.get("reason").asString()).isEqualTo("Organisation fermée");
            assertThat(event.get("goodStanding").asBoolean()).isFalse();
        }
        assertThat(applyFor(organization, network, "REGULAR", TestTokens.orgAdmin(organization)).status())
                .isEqualTo(422);
    }

    @Test
    void aClosureWhoseMembershipsWereNotEndedIsCaughtUpByTheStatusJob() {
        String network = network();
        String organization = organization("Atelier d’insertion Le Tremplin", "08");
        String id = activeMembership(organization, network, "REGULAR");
        // As if the instance stopped right after saving the closure, before ending the memberships.
        mongo.getCollection("organizations").updateOne(new Document("_id", organization), new Document("$set",
                new Document("state.closedOn", Date.from(Instant.parse(service.today() + "T12:00:00Z")))));
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            service.terminateMembershipsOfClosedOrganizations();
            PublishedEvents.expectFrom(probe, id, 5, MembershipTerminated.class);
            assertThat(service.terminateMembershipsOfClosedOrganizations()).as("nothing left to end").isZero();
        }
    }

    @Test
    void aVoterWhoseProfileIsInventedIsSaidToBeSo() {
        String network = network();
        String staff = TestTokens.staff(network);
        activeMembership(organization("Fédération de démonstration du Nord", "10", true), network, "REGULAR");
        activeMembership(organization("Centre communautaire du Lac", "10"), network, "REGULAR");
        String path = "/api/membership/networks/" + network + "/voters?date=" + service.today();

        JsonNode voters = api().get(path, staff).json();
        assertThat(voters.at("/items/0/legalName").asString()).isEqualTo("Centre communautaire du Lac");
        assertThat(voters.at("/items/0/illustrativeNote").isNull()).isTrue();
        assertThat(voters.at("/items/1/illustrative").asBoolean()).isTrue();
        assertThat(voters.at("/items/1/illustrativeNote").asString())
                .isEqualTo("Démonstration : forme juridique, région et NEQ fictifs");
        assertThat(api().send("GET", path, staff, null, java.util.Map.of("Accept-Language", "en")).json()
                .at("/items/1/illustrativeNote").asString())
                .isEqualTo("Demo: legal form, region and NEQ are fictitious");
    }

    @Test
    void votersAndFiguresOfANetwork() {
        String network = network();
        String staff = TestTokens.staff(network);
        String regular = organization("Centre d’action bénévole Aqua-Berge", "15");
        String associate = organization("Ressourcerie des Frontières", "08");
        String applicant = organization("Maison de la famille Arc-en-ciel", "15");
        activeMembership(regular, network, "REGULAR");
        activeMembership(associate, network, "ASSOCIATE");
        applyFor(applicant, network, "REGULAR", TestTokens.orgAdmin(applicant));

        JsonNode voters = api().get("/api/membership/networks/" + network + "/voters?date=" + service.today(), staff)
                .json();
        assertThat(voters.get("totalItems").asLong()).isEqualTo(1);
        assertThat(voters.at("/items/0/legalName").asString()).isEqualTo("Centre d’action bénévole Aqua-Berge");
        assertThat(api().get("/api/membership/networks/" + network + "/voters?date=" + service.today(),
                TestTokens.orgAdmin(regular)).status()).isEqualTo(403);

        int fiscalYear = service.network(network).fiscalYearStartOnOrBefore(service.today()).getYear();
        JsonNode figures = api().get("/api/membership/networks/" + network + "/figures?fiscalYear=" + fiscalYear,
                staff).json();
        assertThat(figures.get("members").asLong()).isEqualTo(2);
        assertThat(figures.get("newMembers").asLong()).isEqualTo(2);
        assertThat(figures.get("membersBefore").asLong()).isZero();
        assertThat(figures.get("growthPercent").isNull()).isTrue();
        assertThat(figures.at("/byStatus/ACTIVE").asLong()).isEqualTo(2);
        assertThat(figures.at("/byStatus/APPLIED").asLong()).isEqualTo(1);
        assertThat(figures.at("/byCategory/ASSOCIATE").asLong()).isEqualTo(1);
        assertThat(figures.at("/byRegion/15").asLong()).isEqualTo(1);
        assertThat(figures.at("/bySector/EMPLOI_INSERTION").asLong()).isEqualTo(2);
    }

    @Test
    void anOutsiderWithAStaleVersionIsRefusedBeforeAnyVersionIsRevealed() {
        String network = network();
        String otherNetwork = network();
        String organization = organization("Friperie solidaire du Vieux-Port", "03");
        String other = organization("Friperie solidaire de Limoilou", "03");
        String id = applyFor(organization, network, "REGULAR", TestTokens.orgAdmin(organization)).text("id");

        Api.Response otherStaff = act(id, "approval", TestTokens.staff(otherNetwork), "{}", "9");
        assertThat(otherStaff.status()).as(otherStaff.toString()).isEqualTo(403);
        assertThat(otherStaff.body()).doesNotContain("\"1\"");
        Api.Response otherAdmin = act(id, "resignation", TestTokens.orgAdmin(other), "{}", "9");
        assertThat(otherAdmin.status()).as(otherAdmin.toString()).isEqualTo(403);
        assertThat(act(id, "fees", TestTokens.orgAdmin(organization), fee(), "9").status()).isEqualTo(403);
        assertThat(act(id, "approval", TestTokens.staff(network), "{}", "9").status()).as("its staff learn it")
                .isEqualTo(412);

        Api.Response otherOrganization = api().put("/api/membership/organizations/" + organization,
                TestTokens.orgAdmin(other), """
                {"legalName": "X", "neq": "%s", "legalForm": "OBNL", "regionCode": "03", "sectorCodes": []}
                """.formatted(Api.randomNeq()), "\"9\"");
        assertThat(otherOrganization.status()).as(otherOrganization.toString()).isEqualTo(403);
        assertThat(api().post("/api/membership/organizations/" + organization + "/closure", TestTokens.orgAdmin(other),
                "{\"closedOn\": \"" + service.today() + "\"}", "\"9\"").status()).isEqualTo(403);
    }

    @Test
    void anApplicationByStaffOfAnotherNetworkIsRefused() {
        String network = network();
        String organization = organization("Épicerie solidaire du Faubourg", "03");
        Api.Response applied = applyFor(organization, network, "REGULAR", TestTokens.staff("un-autre-reseau"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(403);
    }

    private String payment(String amount) {
        return "{\"amount\": " + amount + ", \"paidOn\": \"" + service.today()
                + "\", \"method\": \"TRANSFER\"}";
    }

    @Test
    void aPartialFeeIsRecordedAndOnlyTheWholeFeeActivates() {
        String network = network();
        String staff = TestTokens.staff(network);
        String organization = organization("Centre de femmes La Passerelle", "12");
        String id = applyFor(organization, network, "REGULAR", TestTokens.orgAdmin(organization)).text("id");
        assertThat(act(id, "approval", staff, "{}", "1").status()).isEqualTo(200);

        Api.Response zero = act(id, "fees", staff, payment("0.00"), "2");
        assertThat(zero.status()).as(zero.toString()).isIn(400, 422);
        assertThat(zero.isProblem()).isTrue();
        assertThat(act(id, "fees", staff, payment("-10"), "2").status()).isIn(400, 422);

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response part = act(id, "fees", staff, payment("100.00"), "2");
            assertThat(part.status()).as(part.toString()).isEqualTo(200);
            assertThat(part.text("status")).isEqualTo("APPROVED");
            assertThat(part.json().get("goodStanding").asBoolean()).isFalse();
            assertThat(part.json().at("/dues/amountDue").decimalValue()).isEqualByComparingTo("150");
            assertThat(part.json().at("/dues/amountPaid").decimalValue()).isEqualByComparingTo("100");
            assertThat(part.json().at("/dues/outstanding").decimalValue()).isEqualByComparingTo("50");

            Api.Response rest = act(id, "fees", staff, payment("50.00"), "3");
            assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
            assertThat(rest.text("status")).isEqualTo("ACTIVE");
            assertThat(rest.json().get("fees")).hasSize(2);
            List<PublishedEvents.Event> events = PublishedEvents.expectFrom(probe, id, 3, MembershipFeeRecorded.class,
                    MembershipFeeRecorded.class, MembershipActivated.class);
            assertThat(events.get(0).data().get("amount").decimalValue()).isEqualByComparingTo("100");
            assertThat(events.get(0).data().get("goodStanding").asBoolean()).isFalse();
            assertThat(events.get(1).data().get("amount").decimalValue()).isEqualByComparingTo("50");
        }
    }

    /** A network whose members in grace also vote (the default is: they keep services, they do not vote). */
    private String networkWhereGraceVotes() {
        String id = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api().post("/api/membership/networks", TestTokens.staff(id), """
                {"id": "%s", "name": "Réseau (essai)", "fiscalYearEnd": "03-31", "renewalWindowDays": 60,
                 "graceDays": 60, "graceKeepsServices": true, "graceVotes": true, "categories": [
                   {"code": "REGULAR", "nameFr": "Membre régulier", "nameEn": "Regular member", "votingRights": true,
                    "annualFee": 150.00}]}
                """.formatted(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("graceVotes").asBoolean()).isTrue();
        return id;
    }

    @Test
    void aMemberInGraceKeepsServicesButVotesOnlyWhereItsNetworkSaysSo() {
        String network = network();
        String voting = networkWhereGraceVotes();
        assertThat(api().get("/api/membership/networks/" + network, TestTokens.staff(network)).json()
                .get("graceKeepsServices").asBoolean()).isTrue();
        String organization = organization("Corporation de développement communautaire des Basques", "01");
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String byDefault = activeMembership(organization, network, "REGULAR");
            String graceVotes = activeMembership(organization, voting, "REGULAR");
            LocalDate periodEnd = LocalDate.parse(api().get(MEMBERSHIPS + "/" + byDefault, TestTokens.staff(network))
                    .text("periodEnd"));
            service.evaluateDue(periodEnd.plusDays(5));

            JsonNode grace = PublishedEvents.expect(probe, byDefault, MembershipApplied.class, MembershipApproved.class,
                    MembershipFeeRecorded.class, MembershipActivated.class, MembershipRenewalDue.class,
                    MembershipInGrace.class).get(5).data();
            assertThat(grace.get("goodStanding").asBoolean()).as("services kept in grace").isTrue();
            assertThat(grace.get("votingRights").asBoolean()).as("no vote in grace by default").isFalse();
            JsonNode votingGrace = PublishedEvents.expect(probe, graceVotes, MembershipApplied.class,
                    MembershipApproved.class, MembershipFeeRecorded.class, MembershipActivated.class,
                    MembershipRenewalDue.class, MembershipInGrace.class).get(5).data();
            assertThat(votingGrace.get("votingRights").asBoolean()).isTrue();

            String meeting = periodEnd.plusDays(5).toString();
            assertThat(api().get("/api/membership/networks/" + network + "/voters?date=" + meeting,
                    TestTokens.staff(network)).json().get("totalItems").asLong()).isZero();
            assertThat(api().get("/api/membership/networks/" + voting + "/voters?date=" + meeting,
                    TestTokens.staff(voting)).json().get("totalItems").asLong()).isEqualTo(1);

            JsonNode french = api().get(MEMBERSHIPS + "/" + byDefault, TestTokens.staff(network)).json();
            assertThat(french.at("/history/4/reason").asString()).contains("délai de grâce");
            JsonNode english = api().send("GET", MEMBERSHIPS + "/" + byDefault, TestTokens.staff(network), null,
                    java.util.Map.of("Accept-Language", "en")).json();
            assertThat(english.at("/history/4/reason").asString()).contains("grace period").doesNotContain("délai");
        }
    }

    @Test
    void aNetworkPublishesItsConfigurationWhenCreatedAndWhenItsRulesChange() {
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String id = network();
            JsonNode created = PublishedEvents.expect(probe, id, NetworkConfigured.class).get(0).data();
            assertThat(created.get("networkId").asString()).isEqualTo(id);
            assertThat(created.get("fiscalYearEndMonth").asInt()).isEqualTo(3);
            assertThat(created.get("fiscalYearEndDay").asInt()).isEqualTo(31);
            assertThat(created.get("graceKeepsServices").asBoolean()).isTrue();
            assertThat(created.get("graceVotes").asBoolean()).isFalse();

            Api.Response changed = api().put("/api/membership/networks/" + id, TestTokens.staff(id), """
                    {"name": "Comité renommé", "fiscalYearEnd": "06-30", "renewalWindowDays": 60, "graceDays": 60,
                     "graceKeepsServices": false, "graceVotes": false, "categories": [{"code": "REGULAR",
                     "nameFr": "R", "nameEn": "R", "votingRights": true, "annualFee": 150}]}
                    """, "\"1\"");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            JsonNode update = PublishedEvents.expect(probe, id, NetworkConfigured.class, NetworkConfigured.class)
                    .get(1).data();
            assertThat(update.get("name").asString()).isEqualTo("Comité renommé");
            assertThat(update.get("fiscalYearEndMonth").asInt()).isEqualTo(6);
            assertThat(update.get("graceKeepsServices").asBoolean()).isFalse();
        }
    }

    @Test
    void networksAreDefinedAndChangedByTheirOwnStaff() {
        String id = network();
        assertThat(api().post("/api/membership/networks", TestTokens.staff("ailleurs"), """
                {"id": "%s-2", "name": "X", "fiscalYearEnd": "03-31", "renewalWindowDays": 30, "graceDays": 30,
                 "categories": [{"code": "REGULAR", "nameFr": "R", "nameEn": "R", "votingRights": true, "annualFee": 1}]}
                """.formatted(id)).status()).isEqualTo(403);
        Api.Response badYearEnd = api().post("/api/membership/networks", TestTokens.staff(id + "-3"), """
                {"id": "%s-3", "name": "X", "fiscalYearEnd": "02-30", "renewalWindowDays": 30, "graceDays": 30,
                 "categories": [{"code": "REGULAR", "nameFr": "R", "nameEn": "R", "votingRights": true, "annualFee": 1}]}
                """.formatted(id));
        assertThat(badYearEnd.status()).isEqualTo(400);
        assertThat(badYearEnd.json().at("/errors/0/field").asString()).isEqualTo("fiscalYearEnd");

        JsonNode read = api().get("/api/membership/networks/" + id, TestTokens.partner("courtier")).json();
        assertThat(read.get("statusRules").valueStream().map(r -> r.get("status").asString() + r.get("offsetDays"))
                .toList()).containsExactly("RENEWAL_DUE-60", "IN_GRACE1", "LAPSED61");
        Api.Response changed = api().put("/api/membership/networks/" + id, TestTokens.staff(id), """
                {"name": "Comité renommé", "fiscalYearEnd": "12-31", "renewalWindowDays": 45, "graceDays": 30,
                 "categories": [{"code": "REGULAR", "nameFr": "R", "nameEn": "R", "votingRights": true, "annualFee": 200}]}
                """, "\"1\"");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("fiscalYearEnd")).isEqualTo("12-31");
        assertThat(api().put("/api/membership/networks/" + id, TestTokens.staff("ailleurs"), "{}", "\"2\"").status())
                .isIn(400, 403);
    }
}
