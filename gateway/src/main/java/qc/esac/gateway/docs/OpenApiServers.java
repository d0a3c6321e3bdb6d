package qc.esac.gateway.docs;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service describes itself with its own address as server; seen through the gateway that would
 * send "try it out" calls around the gateway. The document is served with the gateway itself as
 * the only server (a relative URL, so it works whatever host name clients use).
 */
@Component
public class OpenApiServers {

    private final JsonMapper json = JsonMapper.builder().build();

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
            return json.writeValueAsString(object);
        }
        catch (JacksonException e) {
            return document;
        }
    }
}
