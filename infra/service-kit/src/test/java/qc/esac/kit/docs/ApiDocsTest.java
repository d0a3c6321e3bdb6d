package qc.esac.kit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.kit.security.EsacUser;
import qc.esac.kit.support.TestJwts;

/**
 * The OpenAPI document a service publishes, derived from its handlers: the caller is no parameter, errors are
 * problems with the shared schema, statuses and headers follow what the handler reads and declares, and the
 * public paths need no token.
 */
@SpringBootTest(classes = ApiDocsTest.Service.class, properties = {
        "spring.application.name=docs-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.mongodb.uri=mongodb://127.0.0.1:1/docs?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
        "esac.security.public-paths=/api/docs-test/public/**"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class Service {
    }

    record ThingRequest(@NotBlank String name) {
    }

    record Thing(String id, String name) {
    }

    @RestController
    static class ThingController {

        @PostMapping("/api/docs-test/things")
        @ApiSuccess(status = 201, etag = true)
        ResponseEntity<Thing> create(@Valid @RequestBody ThingRequest request, EsacUser user) {
            return ResponseEntity.status(201).body(new Thing("1", request.name()));
        }

        @PutMapping("/api/docs-test/things/{id}")
        Thing update(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                @Valid @RequestBody ThingRequest request, EsacUser user) {
            return new Thing(id, request.name());
        }

        @GetMapping("/api/docs-test/things")
        List<Thing> list(@RequestParam(defaultValue = "0") int page, EsacUser user) {
            return List.of();
        }

        @GetMapping("/api/docs-test/public/things/{id}")
        Thing publicThing(@PathVariable String id) {
            return new Thing(id, "public");
        }
    }

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
    }

    @Autowired
    MockMvc mvc;

    private JsonNode document;

    @BeforeAll
    void readDocument() throws Exception {
        document = JsonMapper.builder().build().readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path).isTrue();
        return operation;
    }

    @Test
    void theSignedInCallerIsNoParameter() {
        List<String> names = new ArrayList<>();
        document.path("paths").forEach(item -> item.forEach(operation ->
                operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()))));
        assertThat(names).contains("page", "id", "If-Match").doesNotContain("user");
    }

    @Test
    void everyErrorIsAProblemWithTheSharedSchema() {
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "code", "errors");
        JsonNode responses = operation("/api/docs-test/things/{id}", "put").path("responses");
        assertThat(responses.propertyNames()).contains("200", "400", "401", "403", "404", "409", "412", "422", "428");
        responses.properties().stream().filter(e -> !e.getKey().startsWith("2")).forEach(e ->
                assertThat(e.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                        .as(e.getKey()).isEqualTo("#/components/schemas/Problem"));
    }

    @Test
    void aCreationAnswers201WithLocationETagAndTheReplayHeader() {
        JsonNode responses = operation("/api/docs-test/things", "post").path("responses");
        assertThat(responses.has("200")).isFalse();
        assertThat(responses.path("201").path("headers").propertyNames())
                .contains("Location", "ETag", "Idempotency-Replayed");
        assertThat(responses.path("201").path("content").isEmpty()).as("the body is documented").isFalse();
        assertThat(responses.propertyNames()).contains("400", "409", "422").doesNotContain("404", "412", "428");
    }

    @Test
    void anUpdateWithIfMatchAnswersTheNewETagAndMayBeReplayed() {
        assertThat(operation("/api/docs-test/things/{id}", "put").at("/responses/200/headers").propertyNames())
                .contains("ETag", "Idempotency-Replayed").doesNotContain("Location");
    }

    @Test
    void aReadWithoutIdNeedsNo404NorWriteErrors() {
        assertThat(operation("/api/docs-test/things", "get").path("responses").propertyNames())
                .contains("200", "400", "401", "403", "429", "503", "504").doesNotContain("404", "409", "412", "413", "422", "428");
    }

    @Test
    void operationIdsNameTheHandlerAndItsController() {
        assertThat(operation("/api/docs-test/things", "post").path("operationId").asString()).isEqualTo("createThing");
        assertThat(operation("/api/docs-test/things/{id}", "put").path("operationId").asString()).isEqualTo("updateThing");
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        assertThat(tags).contains("thing-controller");
        assertThat(operation("/api/docs-test/things", "get").at("/responses/200/content").propertyNames())
                .containsExactly("application/json");
    }

    @Test
    void publicPathsNeedNoTokenAndSecuredOnesTheBearerToken() {
        JsonNode open = operation("/api/docs-test/public/things/{id}", "get");
        assertThat(open.path("security").isArray() && open.path("security").isEmpty()).as(open.toString()).isTrue();
        assertThat(open.path("responses").propertyNames()).doesNotContain("401", "403").contains("404");
        assertThat(operation("/api/docs-test/things", "get").has("security")).as("the document's bearer default").isFalse();
        assertThat(document.path("security").toString()).contains("bearer-jwt");
    }
}
