package qc.esac.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The services' OpenAPI documents and the events' AsyncAPI document, browsable at the gateway. */
class ApiDocsIT extends GatewayIT {

    @Test
    void eachServiceDocumentIsServedWithTheGatewayAsServer() {
        TRAINING.answer((exchange, request) -> Backend.json(exchange, 200, """
                {"openapi":"3.1.0","info":{"title":"Formation","version":"1"},
                 "servers":[{"url":"http://10.1.2.3:8082","description":"Generated server url"}],
                 "paths":{"/api/training/courses":{"get":{"responses":{"200":{"description":"ok"}}}}}}"""));
        client.get().uri("/api-docs/training").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Formation")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.paths['/api/training/courses']").exists();
        assertThat(TRAINING.last().path()).isEqualTo("/v3/api-docs");
    }

    @Test
    void swaggerUiListsEveryService() {
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat(((java.util.List<?>) urls).stream().map(String::valueOf).toList())
                        .containsExactlyInAnyOrder("/api-docs/membership", "/api-docs/training", "/api-docs/insurance",
                                "/api-docs/projects"));
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void asyncApiDocumentOfTheEventsIsServedAndCacheable() {
        String etag = client.get().uri("/api-docs/events/asyncapi.yaml").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectBody(String.class).value(yaml -> assertThat(yaml).contains("asyncapi:")
                        .contains("esac.membership.events.v1"))
                .returnResult().getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        client.get().uri("/api-docs/events/asyncapi.yaml").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified();
    }
}
