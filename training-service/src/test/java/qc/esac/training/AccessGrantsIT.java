package qc.esac.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;
import qc.esac.testkit.jwt.TestTokens;

/**
 * Grants made in the platform count here as soon as their event is applied, whatever the token says, and a
 * revocation takes effect at once for a token issued before it (the kit's {@code qc.esac.kit.access}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessGrantsIT {

    /** The kit's grants read model consumes in its own group. */
    private static final String GROUP = "training-service.access";

    @LocalServerPort
    int port;

    private static void publish(Class<?> type, String grantId, long sequence, String userId, String kind,
                                String organizationId, String networkId) {
        String by = type == AccessGranted.class ? "grantedBy" : "revokedBy";
        String data = """
                {"grantId": "%s", "userId": "%s", "kind": "%s", "organizationId": %s, "networkId": %s,
                 "employeeId": null, "%s": "staff-test"}
                """.formatted(grantId, userId, kind, quoted(organizationId), quoted(networkId), by);
        @SuppressWarnings("unchecked")
        String eventType = EventCatalog.of((Class<? extends qc.esac.events.EventData>) type).type();
        TestTopics.awaitConsumed(GROUP, TestEvents.publish(Topics.MEMBERSHIP, eventType, grantId, sequence, data),
                Duration.ofSeconds(30));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void anAdministratorGrantOpensTheOrganizationsLedgerAndItsRevocationClosesItForTheSameToken() {
        Api api = new Api(port);
        String organization = "org-" + UUID.randomUUID();
        String userId = "compte-" + UUID.randomUUID();
        // A signed-up account's token, issued before any grant and valid for an hour after the revocation.
        String token = TestTokens.builder(userId).issuedAt(Instant.now()).build();
        String ledger = "/api/training/organizations/" + organization + "/ledger";
        api.get(ledger, token).expect(403);

        String grantId = UUID.randomUUID().toString();
        publish(AccessGranted.class, grantId, 1, userId, "ORG_ADMIN", organization, null);
        api.get(ledger, token).expect(200);
        api.get("/api/training/organizations/" + UUID.randomUUID() + "/ledger", token).expect(403);

        publish(AccessRevoked.class, grantId, 2, userId, "ORG_ADMIN", organization, null);
        api.get(ledger, token).expect(403);
        // A redelivered grant, older than the revocation, changes nothing.
        publish(AccessGranted.class, grantId, 1, userId, "ORG_ADMIN", organization, null);
        api.get(ledger, token).expect(403);
    }

    @Test
    void aStaffGrantGivesTheRoleMethodSecurityChecksForItsNetworkOnly() {
        Api api = new Api(port);
        String network = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        MembershipFixtures.networkConfigured(network, 1, 3, 31);
        String userId = "compte-" + UUID.randomUUID();
        String token = TestTokens.builder(userId).build();
        api.get("/api/training/figures?networkId=" + network, token).expect(403);

        String grantId = UUID.randomUUID().toString();
        publish(AccessGranted.class, grantId, 1, userId, "STAFF", null, network);
        api.get("/api/training/figures?networkId=" + network, token).expect(200);
        api.get("/api/training/figures?networkId=autre-reseau", token).expect(403);

        publish(AccessRevoked.class, grantId, 2, userId, "STAFF", null, network);
        api.get("/api/training/figures?networkId=" + network, token).expect(403);
    }

    @Test
    void administeringOneOrganizationGivesNoAdministratorRightsInAnotherWhereThePersonIsAnEmployee() {
        Api api = new Api(port);
        String administered = "org-" + UUID.randomUUID();
        String employer = "org-" + UUID.randomUUID();
        String userId = "compte-" + UUID.randomUUID();
        String token = TestTokens.builder(userId).build();
        publish(AccessGranted.class, UUID.randomUUID().toString(), 1, userId, "ORG_ADMIN", administered, null);
        publish(AccessGranted.class, UUID.randomUUID().toString(), 1, userId, "EMPLOYEE", employer, null);

        api.get("/api/training/organizations/" + administered + "/ledger", token).expect(200);
        // Their employer's ledger holds colleagues' training: an employee does not read it.
        api.get("/api/training/organizations/" + employer + "/ledger", token).expect(403);
    }
}
