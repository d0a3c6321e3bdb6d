package qc.esac.kit.config;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import qc.esac.kit.support.TestJwts;

/**
 * A service as it really starts: every auto-configuration on the classpath, the kit's defaults,
 * and no broker, no store, no OTLP collector. Liveness must be UP, readiness DOWN because of
 * MongoDB only (a broker outage is ridden out by the outbox; Kafka shows in /actuator/health), and the actuator
 * and API docs reachable without a token.
 */
@SpringBootTest(classes = KitApplicationSmokeTest.Service.class, properties = {
        "spring.application.name=smoke-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.mongodb.uri=mongodb://127.0.0.1:1/smoke?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
        "esac.health.kafka.timeout=300ms",
        "management.endpoint.health.show-components=always"})
@AutoConfigureMockMvc
class KitApplicationSmokeTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void livenessIsUpWithoutBrokerOrStore() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void readinessFollowsTheStoreNotTheBroker() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"))
                .andExpect(jsonPath("$.components.kafka").doesNotExist())
                .andExpect(jsonPath("$.components.mongo.status").value("DOWN"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"));
    }

    @Test
    void theBrokerStaysVisibleInTheOverallHealth() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.kafka.status").value("DOWN"))
                .andExpect(jsonPath("$.components.mongo.status").value("DOWN"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        mvc.perform(get("/api/rien").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.forAnotherAudience()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("application=\"smoke-service\"")));
    }

    @Test
    void openApiDocumentIsPublicAndDeclaresBearerTokens() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("smoke-service"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme").value("bearer"))
                // Every POST offers the optional Idempotency-Key header; GET does not.
                .andExpect(jsonPath("$.paths['/api/ops/dead-letters/{topic}/replay'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                        .value(org.hamcrest.Matchers.contains("header")))
                .andExpect(jsonPath("$.paths['/api/ops/dead-letters/{topic}'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Idempotency-Key"))));
    }

    @Test
    void errorsAreProblemsInTheFullApplicationToo() throws Exception {
        mvc.perform(get("/api/rien").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.staff("n-1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Route inconnue"));
    }
}
