package qc.esac.e2e;

import org.junit.jupiter.api.Test;
import qc.esac.e2e.client.membership.ApiClient;
import qc.esac.e2e.client.membership.ApiException;
import qc.esac.e2e.client.membership.ApiResponse;
import qc.esac.e2e.client.membership.api.OrganizationControllerApi;
import qc.esac.e2e.client.membership.model.OrganizationView;
import qc.esac.e2e.client.membership.model.ProfileRequest;
import qc.esac.e2e.client.training.api.KnownOrganizationControllerApi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the committed API documents (the e2e build runs openapi-generator, Java {@code native}
 * library, on {@code <service>/openapi.json}) drives a journey through the gateway, as a partner's developer would:
 * what the documents promise (201 with Location and ETag, the Idempotency-Key replay, If-Match and its 412
 * problem, 401 without a token) is what the platform does.
 */
class GeneratedClientJourneyIT {

    private final FullStack stack = FullStack.get();

    @Test
    void staffRegistersAndUpdatesAnOrganizationThatTrainingThenKnows() throws Exception {
        String staff = stack.staffToken();
        OrganizationControllerApi organizations = new OrganizationControllerApi(membership(staff));
        String neq = Long.toString(ThreadLocalRandom.current().nextLong(1_200_000_000L, 1_299_999_999L));
        ProfileRequest profile = new ProfileRequest().legalName("Coopérative du client généré").neq(neq)
                .legalForm("OBNL").regionCode("04");
        String key = UUID.randomUUID().toString();

        ApiResponse<OrganizationView> created = organizations.registerOrganizationWithHttpInfo(profile, key);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(header(created.getHeaders(), "Location")).startsWith(stack.gateway("/").toString());
        String version = header(created.getHeaders(), "ETag");
        assertThat(version).isNotBlank();
        String id = created.getData().getId();

        ApiResponse<OrganizationView> replayed = organizations.registerOrganizationWithHttpInfo(profile, key);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(header(replayed.getHeaders(), "Idempotency-Replayed")).isEqualTo("true");
        assertThat(replayed.getData().getId()).as("the same key does not register twice").isEqualTo(id);

        String renameKey = UUID.randomUUID().toString();
        ApiResponse<OrganizationView> renamed = organizations.updateOrganizationWithHttpInfo(id,
                profile.legalName("Coopérative du client généré, renommée"), version, renameKey);
        assertThat(renamed.getStatusCode()).isEqualTo(200);
        assertThat(renamed.getData().getLegalName()).isEqualTo("Coopérative du client généré, renommée");
        assertThat(header(renamed.getHeaders(), "ETag")).isNotEqualTo(version);

        // A retried change with its key gets the first answer, not 412 for the version the first run moved.
        ApiResponse<OrganizationView> renamedAgain = organizations.updateOrganizationWithHttpInfo(id, profile,
                version, renameKey);
        assertThat(renamedAgain.getStatusCode()).isEqualTo(200);
        assertThat(header(renamedAgain.getHeaders(), "Idempotency-Replayed")).isEqualTo("true");

        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> organizations.updateOrganization(id, profile, version, null));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(stale.getResponseBody()).contains("version-perimee");

        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new OrganizationControllerApi(membership(null)).getOrganization(id));
        assertThat(anonymous.getCode()).isEqualTo(401);

        KnownOrganizationControllerApi training = new KnownOrganizationControllerApi(training(staff));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                assertThat(training.getKnownOrganization(id).getLegalName()).startsWith("Coopérative du client généré");
                break;
            } catch (qc.esac.e2e.client.training.ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(404);
                assertThat(System.nanoTime()).as("training learns of the organization").isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    private ApiClient membership(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gatewayBase());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private qc.esac.e2e.client.training.ApiClient training(String token) {
        qc.esac.e2e.client.training.ApiClient client = new qc.esac.e2e.client.training.ApiClient();
        client.updateBaseUri(gatewayBase());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** The documents name the gateway as "/": the generated client is pointed at this stack's gateway. */
    private String gatewayBase() {
        String base = stack.gateway("/").toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
