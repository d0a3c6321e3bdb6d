package qc.esac.gateway.docs;

import java.net.URI;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.events.AsyncApiBundle;
import qc.esac.events.EventDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's event contracts for partners: the AsyncAPI document, self-contained (every payload schema
 * inline), and each JSON Schema at the address the events' {@code ce_dataschema} names,
 * {@code esac.events.schema-base-url} + {@code schemas/<context>/<event>.vN.json}. That base is the gateway's
 * public URL in a deployment (env {@code ESAC_EVENTS_SCHEMA_BASE_URL}, the same value the services get).
 */
@RestController
class AsyncApiController {

    static final String PATH = "/api-docs/events/asyncapi.yaml";
    static final String SCHEMAS_PATH = "/schemas/{context}/{file}";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final MediaType JSON_SCHEMA = MediaType.parseMediaType("application/schema+json");

    private final URI schemaBaseUrl;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Bundled at the first request, not at startup (a few hundred milliseconds of parsing nobody may need). */
    private volatile String document;

    AsyncApiController(@Value("${esac.events.schema-base-url:}") String schemaBaseUrl) {
        this.schemaBaseUrl = schemaBaseUrl.isBlank() ? EventDescriptor.CANONICAL_SCHEMA_BASE : URI.create(schemaBaseUrl);
    }

    @GetMapping(PATH)
    ResponseEntity<String> asyncApi() {
        String body = document();
        return ResponseEntity.ok().contentType(YAML).eTag("\"" + Integer.toHexString(body.hashCode()) + "\"")
                .cacheControl(CacheControl.noCache()).body(body);
    }

    private String document() {
        String bundled = document;
        if (bundled == null) {
            bundled = AsyncApiBundle.yaml(schemaBaseUrl);
            document = bundled;
        }
        return bundled;
    }

    /** One event schema; 404 for anything that is not one (the path is matched, never used as a file name). */
    @GetMapping(SCHEMAS_PATH)
    ResponseEntity<String> schema(@PathVariable String context, @PathVariable String file) {
        Optional<JsonNode> schema = AsyncApiBundle.schema("schemas/" + context + "/" + file, schemaBaseUrl);
        return schema.map(s -> ResponseEntity.ok().contentType(JSON_SCHEMA)
                        .cacheControl(CacheControl.noCache()).body(json.writeValueAsString(s)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
