package qc.esac.gateway.docs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapts a service's OpenAPI document to being read through the gateway. A service describes
 * itself with its own address as server, which would send "try it out" calls around the gateway:
 * the gateway itself becomes the only server (a relative URL, so it works whatever host name
 * clients use). And when an OpenID Connect discovery URL is configured
 * ({@code esac.gateway.docs.openid-connect-url}), an {@code oidc} scheme is offered beside the
 * services' bearer scheme, so that the browsable docs can log in with the platform's issuer
 * (authorization code with PKCE, client {@code esac-web}) instead of asking for a pasted token. Every operation
 * also lists what the gateway itself may answer (rate limit, unavailable or slow service).
 */
@Component
public class OpenApiServers {

    static final String OIDC_SCHEME = "oidc";
    /** Kept equal to the rate-limit filter's header (qc.esac.gateway.ratelimit.RateLimitFilters). */
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final JsonMapper json = JsonMapper.builder().build();
    private final String openIdConnectUrl;

    public OpenApiServers(@Value("${esac.gateway.docs.openid-connect-url:}") String openIdConnectUrl) {
        this.openIdConnectUrl = openIdConnectUrl == null ? "" : openIdConnectUrl.trim();
    }

    /** The document with its servers replaced; anything that is not a JSON object passes unchanged. */
    public String pointAtGateway(String document) {
        if (document == null || document.isBlank()) {
            return document;
        }
        try {
            JsonNode root = json.readTree(document);
            if (!(root instanceof ObjectNode object) || !object.has("openapi")) {
                return document;
            }
            ObjectNode server = json.createObjectNode().put("url", "/").put("description", "Passerelle ÉSAC");
            object.putArray("servers").add(server);
            documentGatewayAnswers(object);
            if (!openIdConnectUrl.isEmpty()) {
                offerOpenIdConnect(object);
            }
            return json.writeValueAsString(object);
        }
        catch (JacksonException e) {
            return document;
        }
    }

    /**
     * What the gateway answers itself before or instead of the service, on every operation: 429 over the rate
     * limit, 503 when the service is unreachable or saturated, 504 when it is too slow, 413 for a body too large;
     * and the remaining budget on every answer it relays. Problems use the services' shared schema.
     */
    private void documentGatewayAnswers(ObjectNode document) {
        if (!(document.get("paths") instanceof ObjectNode paths)) {
            return;
        }
        for (JsonNode item : paths) {
            for (JsonNode node : item) {
                if (!(node instanceof ObjectNode operation) || !operation.has("responses")
                        || !(operation.get("responses") instanceof ObjectNode responses)) {
                    continue;
                }
                responses.properties().forEach(entry -> {
                    if (entry.getKey().startsWith("2") && entry.getValue() instanceof ObjectNode success) {
                        header(success, REMAINING_HEADER, "Requêtes restantes dans la fenêtre de la limite. "
                                + "Requests left in the rate-limit window.", "integer");
                    }
                });
                if (operation.has("requestBody")) {
                    problem(responses, "413", "Corps trop volumineux. Request body too large.", false);
                }
                problem(responses, "429", "Trop de requêtes : réessayer après Retry-After secondes. "
                        + "Too many requests: retry after Retry-After seconds.", true);
                problem(responses, "503", "Service momentanément indisponible ou saturé. "
                        + "Service temporarily unavailable or saturated.", true);
                problem(responses, "504", "Le service n’a pas répondu à temps. The service did not answer in time.",
                        false);
            }
        }
    }

    private void problem(ObjectNode responses, String status, String description, boolean retryAfter) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        if (retryAfter) {
            header(response, "Retry-After", "Secondes avant de réessayer. Seconds before retrying.", "integer");
        }
    }

    private void header(ObjectNode response, String name, String description, String type) {
        ObjectNode headers = response.get("headers") instanceof ObjectNode h ? h : response.putObject("headers");
        if (!headers.has(name)) {
            headers.putObject(name).put("description", description).putObject("schema").put("type", type);
        }
    }

    private void offerOpenIdConnect(ObjectNode document) {
        ObjectNode components = document.has("components") && document.get("components") instanceof ObjectNode c ? c
                : document.putObject("components");
        ObjectNode schemes = components.has("securitySchemes") && components.get("securitySchemes") instanceof ObjectNode s
                ? s : components.putObject("securitySchemes");
        schemes.putObject(OIDC_SCHEME).put("type", "openIdConnect").put("openIdConnectUrl", openIdConnectUrl)
                .put("description", "Connexion avec le fournisseur d’identité de la plateforme");
        // Top-level requirements are alternatives: the bearer token as before, or the OIDC login.
        ArrayNode security = document.has("security") && document.get("security") instanceof ArrayNode a ? a
                : document.putArray("security");
        security.addObject().putArray(OIDC_SCHEME);
    }
}
