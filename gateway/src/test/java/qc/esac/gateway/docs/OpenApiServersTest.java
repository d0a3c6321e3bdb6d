package qc.esac.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiServersTest {

    private final OpenApiServers servers = new OpenApiServers("");

    @Test
    void serversBecomeTheGatewayAndTheRestIsKept() {
        String rewritten = servers.pointAtGateway("""
                {"openapi":"3.1.0","servers":[{"url":"http://10.0.0.7:8083"}],"paths":{"/api/insurance/plans":{}}}""");
        assertThat(rewritten).contains("\"servers\":[{\"url\":\"/\"").contains("/api/insurance/plans")
                .doesNotContain("10.0.0.7");
    }

    @Test
    void anOpenIdConnectLoginIsOfferedBesideTheBearerToken() {
        String rewritten = new OpenApiServers("http://127.0.0.1:9000/.well-known/openid-configuration").pointAtGateway("""
                {"openapi":"3.1.0","components":{"securitySchemes":{"bearer-jwt":{"type":"http","scheme":"bearer"}}},
                 "security":[{"bearer-jwt":[]}],"paths":{}}""");
        assertThat(rewritten)
                .contains("\"bearer-jwt\":{\"type\":\"http\"")
                .contains("\"oidc\":{\"type\":\"openIdConnect\",\"openIdConnectUrl\":\"http://127.0.0.1:9000/.well-known/openid-configuration\"")
                .contains("\"security\":[{\"bearer-jwt\":[]},{\"oidc\":[]}]");
        assertThat(servers.pointAtGateway("{\"openapi\":\"3.1.0\",\"paths\":{}}")).doesNotContain("oidc");
    }

    @Test
    void everyOperationDocumentsWhatTheGatewayItselfAnswers() {
        String rewritten = servers.pointAtGateway("""
                {"openapi":"3.1.0","paths":{"/api/insurance/plans":{
                   "get":{"responses":{"200":{"description":"OK"}}},
                   "post":{"requestBody":{"content":{"application/json":{}}},"responses":{"201":{"description":"Créé"}}}}}}""");
        JsonNode paths = JsonMapper.builder().build().readTree(rewritten).path("paths").path("/api/insurance/plans");
        assertThat(paths.at("/get/responses").propertyNames()).contains("200", "429", "503", "504").doesNotContain("413");
        assertThat(paths.at("/post/responses").propertyNames()).contains("201", "413", "429", "503", "504");
        assertThat(paths.at("/get/responses/429/headers").propertyNames()).contains("Retry-After");
        assertThat(paths.at("/get/responses/429/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(paths.at("/get/responses/200/headers").propertyNames()).contains("X-RateLimit-Remaining");
    }

    @Test
    void anythingElsePassesUnchanged() {
        assertThat(servers.pointAtGateway("pas du json")).isEqualTo("pas du json");
        assertThat(servers.pointAtGateway("{\"status\":503}")).isEqualTo("{\"status\":503}");
        assertThat(servers.pointAtGateway("")).isEmpty();
    }
}
