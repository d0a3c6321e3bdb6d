package qc.esac.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AsyncAPI document of the platform's events, straight from the contracts module: partners
 * read it beside the OpenAPI documents to consume the Kafka topics.
 */
@RestController
class AsyncApiController {

    static final String PATH = "/api-docs/events/asyncapi.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final String document;
    private final String etag;

    AsyncApiController() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.yaml missing from the event contracts on the classpath");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.etag = "\"" + Integer.toHexString(document.hashCode()) + "\"";
    }

    @GetMapping(PATH)
    ResponseEntity<String> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).eTag(etag)
                .cacheControl(CacheControl.noCache()).body(document);
    }
}
