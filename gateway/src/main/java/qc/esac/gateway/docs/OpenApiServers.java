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
 * (authorization code with PKCE, client {@code esac-web}) instead of asking for a pasted token.
 */
@Component
public class OpenApiServers {

    static final String OIDC_SCHEME = "oidc";

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
            if (!openIdConnectUrl.isEmpty()) {
                offerOpenIdConnect(object);
            }
            return json.writeValueAsString(object);
        }
        catch (JacksonException e) {
            return document;
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
