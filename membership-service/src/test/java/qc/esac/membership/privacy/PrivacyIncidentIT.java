package qc.esac.membership.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.membership.support.Api;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy-incident register (Quebec's Law 25) over HTTP: kept by each network's staff, changes audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyIncidentIT {

    private static final String INCIDENTS = "/api/membership/privacy-incidents";

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static String incident(String networkId, String measures) {
        LocalDate yesterday = LocalDate.now(ZoneId.of("America/Montreal")).minusDays(1);
        return """
                {"networkId": "%s", "occurredOn": "%s", "nature": "Courriel envoyé au mauvais destinataire",
                 "peopleAffected": 12, "categoriesOfPeople": ["employés d’organisations membres"],
                 "personalInformation": "noms, courriels professionnels", "services": ["membership"],
                 "commissionNotifiedOn": null, "peopleNotifiedOn": "%s",
                 "notNotifiedReason": "Aucun risque de préjudice sérieux : avis à la Commission non requis",
                 "measures": "%s"}
                """.formatted(networkId, yesterday, yesterday, measures);
    }

    @Test
    void networkStaffKeepTheirRegisterAndEveryChangeIsAudited() {
        String network = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        String staff = TestTokens.staff(network);

        Api.Response created = api().post(INCIDENTS, staff, incident(network, "Demande de suppression au destinataire"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().get("peopleAffected").asInt()).isEqualTo(12);
        assertThat(created.json().at("/changes/0/by").asString()).isNotBlank();
        assertThat(created.json().at("/changes/0/at").asString()).isNotBlank();

        assertThat(api().post(INCIDENTS, TestTokens.staff("ailleurs"), incident(network, "x")).status())
                .as("only the network's own staff").isEqualTo(403);
        assertThat(api().post(INCIDENTS, TestTokens.orgAdmin("org-1"), incident(network, "x")).status())
                .isEqualTo(403);
        assertThat(api().get(INCIDENTS + "/" + id, TestTokens.staff("ailleurs")).status()).isEqualTo(403);
        assertThat(api().get(INCIDENTS + "/" + id, TestTokens.orgAdmin("org-1")).status()).isEqualTo(403);
        assertThat(api().get(INCIDENTS, TestTokens.staff("ailleurs")).json().get("totalItems").asLong()).isZero();
        JsonNode listed = api().get(INCIDENTS, staff).json();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/id").asString()).isEqualTo(id);

        Api.Response stale = api().put(INCIDENTS + "/" + id, TestTokens.staff("ailleurs"),
                incident(network, "x"), "\"9\"");
        assertThat(stale.status()).as("authorized before the version is checked").isEqualTo(403);
        Api.Response changed = api().put(INCIDENTS + "/" + id, staff,
                incident(network, "Suppression confirmée ; procédure d’envoi revue"), "\"1\"");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.etag()).hasValue("\"2\"");
        assertThat(changed.json().get("changes")).hasSize(2);
        assertThat(changed.json().at("/changes/1/fields").valueStream().map(JsonNode::asString)).containsExactly("measures");
        assertThat(api().put(INCIDENTS + "/" + id, staff, incident(network, "y"), "\"1\"").status()).isEqualTo(412);
    }

    @Test
    void badInputIsAProblemInFrench() {
        String network = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response bad = api().post(INCIDENTS, TestTokens.staff(network), """
                {"networkId": "%s", "occurredOn": "2999-01-01", "nature": "", "peopleAffected": -1,
                 "services": ["cafeteria"], "measures": "x"}
                """.formatted(network));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("occurredOn", "nature", "peopleAffected", "services", "notNotifiedReason");
        Api.Response english = api().send("POST", INCIDENTS, TestTokens.staff(network), """
                {"networkId": "%s", "occurredOn": "2999-01-01", "nature": "x", "peopleAffected": 1,
                 "services": ["membership"], "measures": "x", "notNotifiedReason": "x"}
                """.formatted(network), Map.of("Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().at("/errors/0/message").asString()).doesNotContain("date future");
    }
}
