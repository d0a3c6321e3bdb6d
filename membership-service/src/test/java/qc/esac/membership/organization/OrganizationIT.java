package qc.esac.membership.organization;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.membership.support.Api;
import qc.esac.membership.support.PublishedEvents;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization profile over HTTP on the real broker and store: update, close, search, who sees what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationIT {

    private static final String BASE = "/api/membership/organizations";
    private static final String STAFF = TestTokens.staff("csmo-esac");

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    static String profile(String name, String neq, String region, String sector, String extra) {
        return """
                {"legalName": "%s", "neq": "%s", "legalForm": "OBNL", "regionCode": "%s",
                 "sectorCodes": ["%s"]%s}
                """.formatted(name, neq, region, sector, extra == null ? "" : ", " + extra);
    }

    static String fullProfile(String name, String neq) {
        return profile(name, neq, "01", "AIDE_DOMICILE", """
                "regionsServed": ["01", "11"], "foundingYear": 1994, "fullTimeEmployees": 4, "partTimeEmployees": 2,
                "budgetBand": "FROM_100K_TO_300K", "supervisingMinistry": "MSSS",
                "address": {"street": "45, rue Principale", "city": "Rimouski", "postalCode": "g5l1a1"}""");
    }

    private Api.Response register(String body) {
        Api.Response response = api().post(BASE, STAFF, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    @Test
    void aFullProfileIsPublishedAsRegisteredThenUpdatedWithTheDetails() {
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response created = register(fullProfile("Popote roulante du Bas-du-Fleuve", "117 456 7890"));
            String id = created.text("id");
            assertThat(created.text("neq")).isEqualTo("1174567890");
            assertThat(created.json().at("/address/postalCode").asString()).isEqualTo("G5L 1A1");

            List<PublishedEvents.Event> events = PublishedEvents.expect(probe, id, OrganizationRegistered.class,
                    OrganizationUpdated.class);
            JsonNode updated = events.get(1).data();
            assertThat(updated.get("regionsServed").valueStream().map(JsonNode::asString)).containsExactly("01", "11");
            assertThat(updated.get("fullTimeEmployees").asInt()).isEqualTo(4);
            assertThat(updated.at("/address/city").asString()).isEqualTo("Rimouski");
            assertThat(updated.get("changedFields").valueStream().map(JsonNode::asString))
                    .contains("regionsServed", "address").doesNotContain("legalName");
        }
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndPublishesWhatChanged() {
        TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP);
        String neq = Api.randomNeq();
        String id = register(profile("Maison des jeunes L’Escale", neq, "04", "LOISIR_SPORT_TOURISME", null))
                .text("id");
        String changed = profile("Maison des jeunes L’Escale de Trois-Rivières", neq, "04", "LOISIR_SPORT_TOURISME",
                "\"fullTimeEmployees\": 2");

        Api.Response missing = api().put(BASE + "/" + id, STAFF, changed, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.isProblem()).isTrue();
        Api.Response stale = api().put(BASE + "/" + id, STAFF, changed, "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("detail")).contains("version 7 envoyée", "version 1 actuelle");

        try (probe) {
            Api.Response ok = api().put(BASE + "/" + id, STAFF, changed, "\"1\"");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.etag()).hasValue("\"2\"");
            JsonNode event = PublishedEvents.expect(probe, id, OrganizationRegistered.class,
                    OrganizationUpdated.class).get(1).data();
            assertThat(event.get("changedFields").valueStream().map(JsonNode::asString))
                    .containsExactly("legalName", "fullTimeEmployees");
            assertThat(event.get("legalName").asString()).endsWith("Trois-Rivières");
        }
        try (TopicProbe after = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response same = api().put(BASE + "/" + id, STAFF, changed, "\"2\"");
            assertThat(same.etag()).as("nothing changed, nothing written").hasValue("\"2\"");
            PublishedEvents.expectNone(after, id);
        }
    }

    @Test
    void anIllustrativeProfileIsMarkedInEveryViewInFrenchOrEnglishAndTravelsInItsEvents() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String neq = Api.randomNeq();
        String flagged = profile("Fédération démo " + marker, neq, "06", "AIDE_DOMICILE", "\"illustrative\": true");
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response created = register(flagged);
            String id = created.text("id");
            assertThat(created.json().get("illustrative").asBoolean()).isTrue();
            assertThat(created.text("illustrativeNote"))
                    .isEqualTo("Démonstration : forme juridique, région et NEQ fictifs");

            JsonNode registered = PublishedEvents.expect(probe, id, OrganizationRegistered.class).get(0).data();
            assertThat(registered.get("illustrative").asBoolean()).as("schema-valid and carried").isTrue();

            String path = BASE + "/" + id;
            assertThat(api().get(path, STAFF).text("illustrativeNote")).startsWith("Démonstration");
            JsonNode english = api().send("GET", path, STAFF, null, Map.of("Accept-Language", "en")).json();
            assertThat(english.get("illustrativeNote").asString())
                    .isEqualTo("Demo: legal form, region and NEQ are fictitious");
            JsonNode publicView = api().get(path, TestTokens.partner("courtier-test")).json();
            assertThat(publicView.has("neq")).isFalse();
            assertThat(publicView.get("illustrative").asBoolean()).isTrue();
            assertThat(publicView.get("illustrativeNote").asString()).startsWith("Démonstration");
            JsonNode found = api().get(BASE + "?name=" + marker, TestTokens.partner("courtier-test")).json();
            assertThat(found.at("/items/0/illustrativeNote").asString()).startsWith("Démonstration");
            JsonNode foundByStaff = api().send("GET", BASE + "?name=" + marker, STAFF, null,
                    Map.of("Accept-Language", "en")).json();
            assertThat(foundByStaff.at("/items/0/illustrativeNote").asString()).startsWith("Demo:");

            // An update sends the whole profile: leaving the flag out clears it, and the event says so.
            Api.Response cleared = api().put(path, STAFF, profile("Fédération démo " + marker, neq, "06",
                    "AIDE_DOMICILE", null), "\"1\"");
            assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
            assertThat(cleared.json().get("illustrative").asBoolean()).isFalse();
            assertThat(cleared.json().get("illustrativeNote").isNull()).isTrue();
            JsonNode updated = PublishedEvents.expectFrom(probe, id, 2, OrganizationUpdated.class).get(0).data();
            assertThat(updated.get("illustrative").asBoolean()).isFalse();
            assertThat(updated.get("changedFields").valueStream().map(JsonNode::asString))
                    .containsExactly("illustrative");
        }
        Api.Response plain = register(profile("Coopérative réelle " + marker, Api.randomNeq(), "06", "AIDE_DOMICILE",
                null));
        assertThat(plain.json().get("illustrative").asBoolean()).isFalse();
        assertThat(plain.json().get("illustrativeNote").isNull()).isTrue();
    }

    @Test
    void unknownCodesAreRefusedInFrenchOrEnglishAndSaveNothing() {
        String neq = Api.randomNeq();
        String body = profile("Atelier de couture Fil d’Ariane", neq, "06", "PECHE_COMMERCIALE", null);

        Api.Response french = api().post(BASE, STAFF, body);
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.json().at("/errors/0/field").asString()).isEqualTo("sectorCodes[0]");
        assertThat(french.json().at("/errors/0/message").asString()).contains("secteur d’activité", "PECHE_COMMERCIALE");

        Api.Response english = api().send("POST", BASE, STAFF, body, Map.of("Accept-Language", "en"));
        assertThat(english.text("title")).isEqualTo("Invalid data");
        assertThat(english.json().at("/errors/0/message").asString()).contains("sector of activity");

        assertThat(api().get(BASE + "?name=Fil", STAFF).json().path("items").valueStream()
                .map(o -> o.get("neq").asString())).doesNotContain(neq);
    }

    @Test
    void aClosedOrganizationIsPublishedReadOnlyAndLeftOutOfSearches() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            String id = register(profile("Friperie solidaire " + marker, Api.randomNeq(), "12", "COMMERCE", null))
                    .text("id");
            Api.Response future = api().post(BASE + "/" + id + "/closure", STAFF,
                    "{\"closedOn\": \"2999-01-01\"}", "\"1\"");
            assertThat(future.status()).isEqualTo(400);
            Api.Response closed = api().post(BASE + "/" + id + "/closure", STAFF,
                    "{\"closedOn\": \"2026-01-15\", \"reason\": \"Fusion avec un organisme voisin\"}", "\"1\"");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
            assertThat(closed.json().get("closed").asBoolean()).isTrue();
            JsonNode event = PublishedEvents.expect(probe, id, OrganizationRegistered.class,
                    OrganizationClosed.class).get(1).data();
            assertThat(event.get("closedOn").asString()).isEqualTo("2026-01-15");
            assertThat(event.get("reason").asString()).isEqualTo("Fusion avec un organisme voisin");
            closedOrganizationIsReadOnly(id, marker);
        }
    }

    private void closedOrganizationIsReadOnly(String id, String marker) {
        Api.Response update = api().put(BASE + "/" + id, STAFF,
                profile("Autre nom", Api.randomNeq(), "12", "COMMERCE", null), "\"2\"");
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.text("title")).isEqualTo("Organisation fermée");

        assertThat(api().get(BASE + "?name=" + marker, STAFF).json().get("totalItems").asLong()).isZero();
        assertThat(api().get(BASE + "?includeClosed=true&name=" + marker, STAFF).json().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void aPutWithoutVersionRegistersUnderTheChosenIdOnceAndARepeatChangesNothing() {
        String id = UUID.randomUUID().toString();
        String neq = Api.randomNeq();
        String path = BASE + "/" + id;
        String body = fullProfile("Coopérative de services à domicile du Littoral", neq);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response created = api().put(path, STAFF, body, null);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.text("id")).isEqualTo(id);
            assertThat(created.etag()).hasValue("\"1\"");

            Api.Response again = api().put(path, STAFF, body, null);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.etag()).as("nothing written").hasValue("\"1\"");
            assertThat(again.text("legalName")).isEqualTo("Coopérative de services à domicile du Littoral");

            List<PublishedEvents.Event> events = PublishedEvents.expect(probe, id, OrganizationRegistered.class,
                    OrganizationUpdated.class);
            assertThat(events.get(0).data().get("neq").asString()).isEqualTo(neq);
        }
        assertThat(api().get(path, STAFF).text("neq")).isEqualTo(neq);

        Api.Response otherDetails = api().put(path, STAFF,
                profile("Coopérative de services à domicile du Littoral", neq, "01", "AIDE_DOMICILE", null), null);
        assertThat(otherDetails.status()).as("an update needs the version").isEqualTo(428);
        Api.Response otherNeq = api().put(path, STAFF, fullProfile("Autre coopérative", Api.randomNeq()), null);
        assertThat(otherNeq.status()).isEqualTo(409);
        assertThat(otherNeq.text("title")).isEqualTo("Identifiant déjà attribué");
        Api.Response neqOfAnother = api().put(BASE + "/" + UUID.randomUUID(), STAFF,
                fullProfile("Copie du Littoral", neq), null);
        assertThat(neqOfAnother.status()).isEqualTo(409);
        assertThat(neqOfAnother.text("title")).isEqualTo("Organisation déjà inscrite");
    }

    @Test
    void aChosenIdMustBeAUuidAndTheCallerMayRegister() {
        String body = profile("Comptoir alimentaire du Quartier", Api.randomNeq(), "06", "SECURITE_ALIMENTAIRE", null);
        Api.Response notUuid = api().put(BASE + "/comptoir-quartier", STAFF, body, null);
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.json().at("/errors/0/field").asString()).isEqualTo("id");
        assertThat(notUuid.json().at("/errors/0/message").asString()).contains("UUID");
        assertThat(api().put(BASE + "/" + UUID.randomUUID().toString().toUpperCase(), STAFF, body, null).status())
                .isEqualTo(400);
        String id = UUID.randomUUID().toString();
        assertThat(api().put(BASE + "/" + id, TestTokens.partner("courtier-test"), body, null).status())
                .isEqualTo(403);
        assertThat(api().put(BASE + "/" + id, TestTokens.employee("emp-user-1", id), body, null).status())
                .isEqualTo(403);
        assertThat(api().get(BASE + "/" + id, STAFF).status()).as("nothing saved").isEqualTo(404);
    }

    @Test
    void searchFiltersByNameWithoutAccentsRegionSectorAndLegalFormAndPages() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        register(profile("Épicerie communautaire " + marker + " A", Api.randomNeq(), "05", "SECURITE_ALIMENTAIRE", null));
        register(profile("Epicerie communautaire " + marker + " B", Api.randomNeq(), "05", "AGROALIMENTAIRE", null));
        register(profile("Épicerie communautaire " + marker + " C", Api.randomNeq(), "16", "SECURITE_ALIMENTAIRE", null));

        JsonNode byName = api().get(BASE + "?name=EPICERIE%20COMMUNAUTAIRE%20" + marker + "&size=2", STAFF).json();
        assertThat(byName.get("totalItems").asLong()).isEqualTo(3);
        assertThat(byName.get("totalPages").asInt()).isEqualTo(2);
        assertThat(byName.get("items")).hasSize(2);
        assertThat(byName.at("/items/0/legalName").asString()).endsWith(" A");
        JsonNode secondPage = api().get(BASE + "?name=" + marker + "&size=2&page=1", STAFF).json();
        assertThat(secondPage.at("/items/0/legalName").asString()).endsWith(" C");

        assertThat(api().get(BASE + "?name=" + marker + "&region=05", STAFF).json().get("totalItems").asLong())
                .isEqualTo(2);
        assertThat(api().get(BASE + "?name=" + marker + "&sector=SECURITE_ALIMENTAIRE&region=16", STAFF).json()
                .get("totalItems").asLong()).isEqualTo(1);
        assertThat(api().get(BASE + "?name=" + marker + "&legalForm=MUTUELLE", STAFF).json()
                .get("totalItems").asLong()).isZero();
        assertThat(api().get(BASE + "?region=99", STAFF).status()).isEqualTo(400);
    }

    @Test
    void whoMayReadAndChangeAnOrganization() {
        String neq = Api.randomNeq();
        String id = register(profile("Centre de femmes La Source", neq, "07", "DEFENSE_DROITS", null)).text("id");
        String other = register(profile("Centre de femmes L’Autre Rive", Api.randomNeq(), "07", "DEFENSE_DROITS",
                null)).text("id");
        String path = BASE + "/" + id;

        Api.Response admin = api().get(path, TestTokens.orgAdmin(id));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text("neq")).isEqualTo(neq);
        assertThat(api().get(path, TestTokens.orgAdmin(other)).status()).isEqualTo(403);

        Api.Response partner = api().get(path, TestTokens.partner("courtier-test", "membership.read"));
        assertThat(partner.status()).isEqualTo(200);
        assertThat(partner.json().has("neq")).as("partners read public fields only").isFalse();
        assertThat(partner.text("legalName")).isEqualTo("Centre de femmes La Source");
        Api.Response employee = api().get(path, TestTokens.employee("emp-user-1", id));
        assertThat(employee.status()).isEqualTo(200);
        assertThat(employee.json().has("address")).isFalse();
        assertThat(api().get(path, TestTokens.employee("emp-user-2", other)).status()).isEqualTo(403);
        assertThat(api().get(path, null).status()).isEqualTo(401);

        String body = profile("Centre de femmes La Source", neq, "07", "DEFENSE_DROITS", "\"fullTimeEmployees\": 3");
        assertThat(api().put(path, TestTokens.orgAdmin(other), body, "\"1\"").status()).isEqualTo(403);
        assertThat(api().put(path, TestTokens.partner("courtier-test"), body, "\"1\"").status()).isEqualTo(403);
        assertThat(api().put(path, TestTokens.employee("emp-user-1", id), body, "\"1\"").status()).isEqualTo(403);
        assertThat(api().put(path, TestTokens.orgAdmin(id), body, "\"1\"").status()).isEqualTo(200);

        JsonNode mine = api().get(BASE + "?size=50", TestTokens.orgAdmin(id)).json();
        assertThat(mine.get("items").valueStream().map(o -> o.get("id").asString())).containsExactly(id);
        JsonNode partnerSearch = api().get(BASE + "?name=La%20Source", TestTokens.partner("courtier-test")).json();
        assertThat(partnerSearch.get("items").valueStream()).allSatisfy(o -> assertThat(o.has("neq")).isFalse());
        assertThat(api().get(BASE, TestTokens.employee("emp-user-1", id)).status()).isEqualTo(403);
    }

    @Test
    void referenceListsArePublicWithBothLabels() {
        JsonNode regions = api().get("/api/membership/reference/regions", null).json();
        assertThat(regions.get("totalItems").asInt()).isEqualTo(17);
        assertThat(regions.at("/items/16/code").asString()).isEqualTo("17");
        assertThat(regions.at("/items/16/labelFr").asString()).isEqualTo("Centre-du-Québec");
        JsonNode sectors = api().get("/api/membership/reference/sectors?size=10&page=3", null).json();
        assertThat(sectors.get("totalItems").asInt()).isEqualTo(32);
        assertThat(sectors.get("items")).hasSize(2);
        assertThat(sectors.at("/items/1/labelEn").asString()).isEqualTo("Transportation");
        JsonNode forms = api().get("/api/membership/reference/legal-forms", null).json();
        assertThat(forms.get("items").valueStream().filter(f -> f.get("cooperative").asBoolean()).count())
                .isEqualTo(5);
        assertThat(api().get("/api/membership/reference/budget-bands", null).json().get("totalItems").asInt())
                .isEqualTo(6);
    }

    @Test
    void theApiIsDocumented() {
        JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/membership/organizations/{id}/closure",
                "/api/membership/networks/{networkId}/voters", "/api/membership/networks/{networkId}/figures",
                "/api/membership/memberships/{id}/fees",
                "/api/membership/organizations/{organizationId}/employees/import",
                "/api/membership/reference/sectors");
    }
}
