package qc.esac.gateway;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway's integration tests: the real gateway on a random port in front of stand-in
 * services ({@link Backend}) and a token issuer ({@link TestIssuer}), one of each per JVM. Every
 * test class extends this one unchanged, so all share a single Spring context.
 *
 * <p>Besides the four real service names, routes for failure injection: {@code lent} (hangs),
 * {@code fragile} (fails, small breaker window), {@code absent} (nothing listens) and
 * {@code limite} (a tiny rate limit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ESAC_GATEWAY_LOG_FORMAT=")
abstract class GatewayIT {

    static final TestIssuer ISSUER = new TestIssuer();
    /** The portal's sign-in issuer (authorization code and refresh token grants), signing with ISSUER's key. */
    static final PortalIssuer PORTAL_ISSUER = new PortalIssuer(ISSUER);
    static final Backend MEMBERSHIP = new Backend();
    static final Backend TRAINING = new Backend();
    static final Backend INSURANCE = new Backend();
    static final Backend PROJECTS = new Backend();
    static final Backend LENT = new Backend();
    static final Backend FRAGILE = new Backend();
    static final Backend LIMITE = new Backend();
    static final List<Backend> ALL = List.of(MEMBERSHIP, TRAINING, INSURANCE, PROJECTS, LENT, FRAGILE, LIMITE);

    static final String ALLOWED_ORIGIN = "https://app.esac.test";
    static final int MAX_BODY_KB = 64;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("esac.portal.issuer-uri", PORTAL_ISSUER::issuerUri);
        service(registry, "membership", MEMBERSHIP.uri());
        service(registry, "training", TRAINING.uri());
        service(registry, "insurance", INSURANCE.uri());
        service(registry, "projects", PROJECTS.uri());
        service(registry, "lent", LENT.uri());
        service(registry, "fragile", FRAGILE.uri());
        // Port 1: privileged, nothing listens there, connections are refused at once.
        service(registry, "absent", "http://127.0.0.1:1");
        service(registry, "limite", LIMITE.uri());
        // Same hanging backend as "lent", but cut by its own per-attempt timeout, not the time limiter.
        service(registry, "tardif", LENT.uri());
        registry.add("esac.gateway.services.tardif.response-timeout", () -> "500ms");
        registry.add("esac.gateway.services.lent.response-timeout", () -> "20s");
        registry.add("esac.gateway.services.fragile.display-name", () -> "fragile");
        registry.add("esac.events.schema-base-url", () -> EventContractsIT.SCHEMA_BASE_URL);
        registry.add("resilience4j.timelimiter.instances.lent.timeout-duration", () -> "1s");
        for (String name : List.of("lent", "absent", "limite", "fragile", "tardif")) {
            registry.add("resilience4j.circuitbreaker.instances." + name + ".base-config", () -> "default");
            registry.add("resilience4j.timelimiter.instances." + name + ".base-config", () -> "default");
        }
        registry.add("resilience4j.circuitbreaker.instances.fragile.sliding-window-size", () -> "4");
        registry.add("resilience4j.circuitbreaker.instances.fragile.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.instances.fragile.wait-duration-in-open-state", () -> "60s");
        registry.add("resilience4j.circuitbreaker.instances.fragile.automatic-transition-from-open-to-half-open-enabled",
                () -> "false");
        for (String group : List.of("membership", "training", "insurance", "projects", "lent", "fragile", "absent",
                "tardif", "docs")) {
            registry.add("esac.gateway.rate-limit.groups." + group + ".replenish-rate", () -> "1000");
            registry.add("esac.gateway.rate-limit.groups." + group + ".burst-capacity", () -> "2000");
        }
        registry.add("esac.gateway.rate-limit.groups.limite.replenish-rate", () -> "2");
        registry.add("esac.gateway.rate-limit.groups.limite.burst-capacity", () -> "3");
        registry.add("esac.gateway.max-request-size", () -> MAX_BODY_KB + "KB");
        registry.add("esac.gateway.security.cors.allowed-origins", () -> ALLOWED_ORIGIN);
    }

    private static void service(DynamicPropertyRegistry registry, String name, String uri) {
        registry.add("esac.gateway.services." + name + ".uri", () -> uri);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void freshBackendsAndClient() {
        ALL.forEach(Backend::reset);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A staff token of its own subject, so rate-limit budgets never leak between tests. */
    static String staffToken() {
        return ISSUER.staff("staff-" + java.util.UUID.randomUUID(), "reseau-test");
    }
}
