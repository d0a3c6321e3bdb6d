package qc.esac.membership.roster;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.membership.support.Api;
import qc.esac.membership.support.PublishedEvents;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff rosters over HTTP on the real broker and store: entries, their events, the CSV import, who sees what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private String organization(String name) {
        Api.Response created = api().post("/api/membership/organizations", TestTokens.staff("any"), """
                {"legalName": "%s", "neq": "%s", "legalForm": "COOP_TRAVAIL", "regionCode": "04", "sectorCodes": []}
                """.formatted(name, Api.randomNeq()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static String employee(String first, String email, String status, String hours, String userId) {
        return """
                {"firstName": "%s", "lastName": "Exemple", "workEmail": %s, "jobTitle": "Intervenante",
                 "employmentStatus": "%s", "weeklyHours": %s, "hireDate": "2024-09-03", "userId": %s}
                """.formatted(first, email == null ? "null" : "\"" + email + "\"", status, hours,
                userId == null ? "null" : "\"" + userId + "\"");
    }

    @Test
    void anEntryIsAddedChangedAndEndedWithItsEventsInOrder() {
        String organization = organization("Coopérative de travail Les Ateliers du Cap");
        String base = "/api/membership/organizations/" + organization + "/employees";
        String admin = TestTokens.orgAdmin(organization);
        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response added = api().post(base, admin, employee("Rachelle", "Rachelle@Ateliers.example", "PART_TIME",
                    "21", null));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            String id = added.text("id");
            assertThat(added.text("workEmail")).isEqualTo("rachelle@ateliers.example");

            Api.Response changed = api().put(base + "/" + id, admin, employee("Rachelle", "rachelle@ateliers.example",
                    "FULL_TIME", "35", "user-rachelle"), "\"1\"");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(api().put(base + "/" + id, admin, employee("Rachelle", null, "FULL_TIME", "35", null), "\"1\"")
                    .status()).isEqualTo(412);

            Api.Response left = api().post(base + "/" + id + "/departure", admin,
                    "{\"endDate\": \"2025-06-30\", \"reason\": \"Fin de contrat\"}", "\"2\"");
            assertThat(left.status()).as(left.toString()).isEqualTo(200);
            Api.Response afterwards = api().put(base + "/" + id, admin,
                    employee("Rachelle", null, "FULL_TIME", "30", null), "\"3\"");
            assertThat(afterwards.status()).isEqualTo(422);
            assertThat(afterwards.text("detail")).contains("2025-06-30");

            var events = PublishedEvents.expect(probe, id, EmployeeAdded.class, EmployeeUpdated.class,
                    EmployeeLeft.class);
            assertThat(events.get(0).data().get("employmentStatus").asString()).isEqualTo("PART_TIME");
            assertThat(events.get(1).data().get("changedFields").valueStream().map(JsonNode::asString))
                    .containsExactly("employmentStatus", "weeklyHours", "userId");
            assertThat(events.get(1).data().get("weeklyHours").decimalValue()).isEqualByComparingTo("35");
            JsonNode gone = events.get(2).data();
            assertThat(gone.get("endDate").asString()).isEqualTo("2025-06-30");
            assertThat(gone.get("hireDate").asString()).isEqualTo("2024-09-03");
            assertThat(gone.get("reason").asString()).isEqualTo("Fin de contrat");
        }
        assertThat(api().get(base, admin).json().get("totalItems").asLong()).as("former staff hidden").isZero();
        assertThat(api().get(base + "?includeFormer=true", admin).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void whoSeesAndKeepsARoster() {
        String organization = organization("Coopérative de travail Boréale");
        String other = organization("Coopérative de travail Austral");
        String base = "/api/membership/organizations/" + organization + "/employees";
        String id = api().post(base, TestTokens.orgAdmin(organization),
                employee("Julien", "julien@boreale.example", "FULL_TIME", "37.5", "user-julien")).text("id");

        assertThat(api().post(base, TestTokens.orgAdmin(organization),
                employee("Julien", "JULIEN@boreale.example", "FULL_TIME", "37.5", null)).status())
                .as("same person twice").isEqualTo(409);
        assertThat(api().post(base, TestTokens.orgAdmin(other), employee("X", null, "FULL_TIME", "1", null)).status())
                .isEqualTo(403);
        assertThat(api().get(base, TestTokens.orgAdmin(other)).status()).isEqualTo(403);
        assertThat(api().get(base, TestTokens.partner("courtier")).status()).isEqualTo(403);
        assertThat(api().get(base, TestTokens.employee("user-julien", organization)).status()).isEqualTo(403);
        assertThat(api().get(base + "/" + id, TestTokens.employee("user-julien", organization)).status())
                .as("an employee reads their own entry").isEqualTo(200);
        assertThat(api().get(base + "/" + id, TestTokens.employee("user-autre", organization)).status())
                .isEqualTo(403);
        JsonNode mine = api().get("/api/membership/employees/me", TestTokens.employee("user-julien", organization))
                .json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asString()).isEqualTo(id);
        assertThat(api().put(base + "/" + id, TestTokens.employee("user-julien", organization),
                employee("Julien", null, "FULL_TIME", "40", "user-julien"), "\"1\"").status()).isEqualTo(403);
        Api.Response invalid = api().post(base, TestTokens.orgAdmin(organization),
                employee("", "pas-un-courriel", "SOMETIMES", "0", null));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors")).hasSize(4);
    }

    @Test
    void anOutsiderLearnsNothingAboutAnEntryEvenWithAStaleVersion() {
        String organization = organization("Coopérative de travail Le Fanal");
        String other = organization("Coopérative de travail La Vigie");
        String base = "/api/membership/organizations/" + organization + "/employees";
        String id = api().post(base, TestTokens.orgAdmin(organization),
                employee("Noémie", "noemie@fanal.example", "FULL_TIME", "35", null)).text("id");

        assertThat(api().get(base + "/inconnu", TestTokens.orgAdmin(other)).status()).as("no existence revealed")
                .isEqualTo(403);
        assertThat(api().get(base + "/inconnu", TestTokens.employee("user-x", organization)).status())
                .isEqualTo(403);
        assertThat(api().put(base + "/" + id, TestTokens.orgAdmin(other),
                employee("Noémie", null, "FULL_TIME", "30", null), "\"9\"").status()).isEqualTo(403);
        assertThat(api().post(base + "/" + id + "/departure", TestTokens.orgAdmin(other),
                "{\"endDate\": \"2025-06-30\"}", "\"9\"").status()).isEqualTo(403);
    }

    @Test
    void anEmployeeExportsAndCorrectsTheirOwnEntryAndSeesWhoReadIt() {
        String organization = organization("Coopérative de travail Le Phare");
        String base = "/api/membership/organizations/" + organization + "/employees";
        String admin = TestTokens.orgAdmin(organization);
        String id = api().post(base, admin, employee("Maude", "maude@phare.example", "FULL_TIME", "35",
                "user-maude")).text("id");
        assertThat(api().get(base + "/" + id, admin).status()).isEqualTo(200);
        String self = TestTokens.employee("user-maude", organization);
        assertThat(api().get(base + "/" + id, self).status()).isEqualTo(200);

        Api.Response export = api().get("/api/membership/employees/me/export", self);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.json().at("/entries/0/workEmail").asString()).isEqualTo("maude@phare.example");
        JsonNode reads = export.json().get("reads");
        assertThat(reads.valueStream().map(r -> r.get("readBy").asString()).toList())
                .as("the administrator's read is logged, the person's own is not").hasSize(1)
                .doesNotContain("user-maude");
        assertThat(reads.get(0).get("readAt").asString()).isNotBlank();
        assertThat(reads.get(0).get("fields").valueStream().map(JsonNode::asString)).contains("workEmail");

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            Api.Response corrected = api().put("/api/membership/employees/me/" + id, self,
                    "{\"firstName\": \"Maude\", \"lastName\": \"Corrigée\", \"workEmail\": \"maude.c@phare.example\"}",
                    "\"1\"");
            assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
            assertThat(corrected.text("lastName")).isEqualTo("Corrigée");
            assertThat(corrected.text("jobTitle")).as("the employer's data stays").isEqualTo("Intervenante");
            var events = PublishedEvents.expectFrom(probe, id, 2, EmployeeUpdated.class);
            assertThat(events.get(0).data().get("changedFields").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("lastName", "workEmail");
        }
        assertThat(api().put("/api/membership/employees/me/" + id, TestTokens.employee("user-autre", organization),
                "{\"firstName\": \"X\", \"lastName\": \"Y\"}", "\"2\"").status()).isEqualTo(403);
        Api.Response invalid = api().put("/api/membership/employees/me/" + id, self,
                "{\"firstName\": \"\", \"lastName\": \"Y\"}", "\"2\"");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("title")).isNotBlank();
    }

    @Test
    void aCsvImportReportsEveryLineAndAddsNothingHalfway() {
        String organization = organization("Coopérative de travail Le Grenier");
        String path = "/api/membership/organizations/" + organization + "/employees/import";
        String admin = TestTokens.orgAdmin(organization);
        String csv = """
                prenom;nom;courriel;titre;statut;heures;date_embauche
                Ariane;Exemple;ariane@grenier.example;Cuisinière;temps plein;37,5;2023-03-01
                Bruno;Exemple;bruno@grenier.example;Livreur;temps partiel;quinze;2024-05-12
                Chloé;Exemple;ariane@grenier.example;Plongeuse;temps partiel;20;2024-06-01
                Denis;Exemple;;Commis;FULL_TIME;35;2025-01-15
                """;

        JsonNode blocked = send(path, admin, csv, "").json();
        assertThat(blocked.get("blocked").asBoolean()).isTrue();
        assertThat(blocked.get("rejected").asInt()).isEqualTo(2);
        assertThat(blocked.get("imported").asInt()).isZero();
        assertThat(blocked.at("/results/1/line").asInt()).isEqualTo(3);
        assertThat(blocked.at("/results/1/errors/0/field").asString()).isEqualTo("weeklyHours");
        assertThat(blocked.at("/results/2/errors/0/message").asString()).contains("ligne précédente");
        String roster = "/api/membership/organizations/" + organization + "/employees";
        assertThat(api().get(roster, admin).json().get("totalItems").asLong()).isZero();

        try (TopicProbe probe = TopicProbe.from(Topics.MEMBERSHIP)) {
            JsonNode partial = send(path, admin, csv, "?allOrNothing=false").json();
            assertThat(partial.get("imported").asInt()).isEqualTo(2);
            assertThat(partial.get("rejected").asInt()).isEqualTo(2);
            String ariane = partial.at("/results/0/employeeId").asString();
            PublishedEvents.expect(probe, ariane, EmployeeAdded.class);
        }
        JsonNode again = send(path, admin, csv, "?allOrNothing=false").json();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("alreadyPresent").asInt()).as("Ariane by email, Denis by names and hire date")
                .isEqualTo(2);
        assertThat(api().get(roster, admin).json().get("totalItems").asLong()).isEqualTo(2);

        Api.Response noColumns = send(path, admin, "prenom,nom\nA,B\n", "");
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.text("detail")).contains("weeklyHours");
        assertThat(send(path, TestTokens.orgAdmin("ailleurs"), csv, "").status()).isEqualTo(403);
    }

    private Api.Response send(String path, String token, String csv, String query) {
        return api().send("POST", path + query, token, csv, "text/csv", Map.of());
    }
}
