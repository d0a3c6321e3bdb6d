package qc.esac.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import qc.esac.kit.config.EsacMessagesAutoConfiguration;
import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.security.ProblemResponseWriter;
import qc.esac.kit.web.EsacLocales;
import qc.esac.kit.web.ProblemMessages;

/** The filter's answers when it cannot reach its store, and whose keys it uses; no Spring context. */
class IdempotencyFilterTest {

    private final IdempotencyProperties properties = new IdempotencyProperties(null, null, null, null, null, null,
            null, null);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnreachableStoreRefusesTheRequestWith503InsteadOfRunningItUnprotected() throws Exception {
        IdempotencyStore unreachable = new IdempotencyStore(null, properties, null) {
            @Override
            public IdempotencyClaim claim(String subject, String key, String fingerprint) {
                throw new IllegalStateException("Timed out after 30000 ms while waiting for a server");
            }
        };
        AtomicInteger runs = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter(unreachable).doFilter(post("k-1"), response, (req, res) -> runs.incrementAndGet());

        assertThat(runs).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(ProblemTypes.SERVICE_INDISPONIBLE).contains("Service indisponible")
                .doesNotContain("Timed out");
        assertThat(meters.counter("esac.idempotency.rejections", "reason", "store-unavailable").count()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheAuthenticatedSubjectOrToAnonymous() {
        assertThat(IdempotencyFilter.subject()).isEqualTo(IdempotencyFilter.ANONYMOUS);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(IdempotencyFilter.subject()).isEqualTo(IdempotencyFilter.ANONYMOUS);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "partner-7", null, List.of()));
        assertThat(IdempotencyFilter.subject()).isEqualTo("partner-7");
    }

    @Test
    void aDisabledFilterIgnoresTheHeader() throws Exception {
        IdempotencyProperties disabled = new IdempotencyProperties(false, null, null, null, null, null, null, null);
        IdempotencyStore untouchable = new IdempotencyStore(null, disabled, null) {
            @Override
            public IdempotencyClaim claim(String subject, String key, String fingerprint) {
                throw new AssertionError("the store must not be consulted");
            }
        };
        AtomicInteger runs = new AtomicInteger();
        new IdempotencyFilter(untouchable, disabled, writer(), meters)
                .doFilter(post("k-1"), new MockHttpServletResponse(), (req, res) -> runs.incrementAndGet());
        assertThat(runs).hasValue(1);
    }

    @Test
    void aResponseTooLargeToKeepIsStillSentAndRecordedWithoutItsBody() throws Exception {
        IdempotencyProperties small = new IdempotencyProperties(null, null, null, null, null,
                org.springframework.util.unit.DataSize.ofBytes(10), null, null);
        RecordingStore store = new RecordingStore(small);
        MockHttpServletResponse response = new MockHttpServletResponse();
        String body = "{\"id\":\"p-1\",\"description\":\"longer than ten bytes\"}";

        new IdempotencyFilter(store, small, writer(), meters).doFilter(post("k-1"), response, (req, res) -> {
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Location", "/api/projets/p-1");
            res.setContentType("application/json");
            res.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo(body);
        assertThat(store.completed).isNotNull();
        assertThat(store.completed.bodyOmitted()).isTrue();
        assertThat(store.completed.body()).isEmpty();
        assertThat(store.completed.headers()).containsEntry("Location", List.of("/api/projets/p-1"));
        assertThat(store.released).isFalse();
    }

    @Test
    void tooManyRequestsReleasesTheKeyLikeAServerError() throws Exception {
        for (int status : new int[] {429, 500, 503}) {
            RecordingStore store = new RecordingStore(properties);
            filter(store).doFilter(post("k-1"), new MockHttpServletResponse(),
                    (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status));
            assertThat(store.released).as("status %d", status).isTrue();
            assertThat(store.completed).isNull();
        }
    }

    @Test
    void whenTheAnswerCannotBeRecordedTheClientStillGetsItAndTheKeyGoesToTheNextRetry() throws Exception {
        RecordingStore store = new RecordingStore(properties);
        store.unreachableOnComplete = true;
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter(store).doFilter(post("k-1"), response, (req, res) -> {
            IdempotentRequest.current().writing();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            res.getOutputStream().write("{\"id\":\"p-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"p-1\"}");
        assertThat(store.abandoned).isTrue();
        assertThat(store.released).isFalse();
    }

    @Test
    void aFailureAfterAWriteLeavesTheKeyToARetryInsteadOfGivingItBack() throws Exception {
        RecordingStore answered500 = new RecordingStore(properties);
        filter(answered500).doFilter(post("k-1"), new MockHttpServletResponse(), (req, res) -> {
            IdempotentRequest.current().writing();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
        });
        RecordingStore threw = new RecordingStore(properties);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter(threw).doFilter(post("k-1"),
                new MockHttpServletResponse(), (req, res) -> {
                    IdempotentRequest.current().writing();
                    throw new IllegalStateException("after the write");
                })).isInstanceOf(IllegalStateException.class);

        for (RecordingStore store : List.of(answered500, threw)) {
            assertThat(store.abandoned).isTrue();
            assertThat(store.released).isFalse();
            assertThat(store.completed).isNull();
        }
    }

    @Test
    void theKeyIsBoundToTheRequestsThreadWhileItRuns() throws Exception {
        RecordingStore store = new RecordingStore(properties);
        List<IdempotentRequest> seen = new java.util.ArrayList<>();

        filter(store).doFilter(post("k-1"), new MockHttpServletResponse(),
                (req, res) -> seen.add(IdempotentRequest.current()));

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.run()).isEqualTo("owner");
            assertThat(request.key()).as("a SHA-256, base64url").hasSize(43);
            assertThat(request.reexecution()).isFalse();
        });
        assertThat(IdempotentRequest.current()).isNull();
    }

    /** Grants every claim and remembers what the filter did with it. */
    private static final class RecordingStore extends IdempotencyStore {
        StoredResponse completed;
        boolean released;
        boolean abandoned;
        boolean unreachableOnComplete;

        RecordingStore(IdempotencyProperties properties) {
            super(null, properties, null);
        }

        @Override
        public IdempotencyClaim claim(String subject, String key, String fingerprint) {
            return new IdempotencyClaim.Acquired("id", "owner");
        }

        @Override
        public boolean complete(IdempotencyClaim.Acquired claim, StoredResponse response) {
            if (unreachableOnComplete) {
                throw new org.springframework.dao.DataAccessResourceFailureException("Timed out after 3000 ms");
            }
            completed = response;
            return true;
        }

        @Override
        public void abandon(IdempotencyClaim.Acquired claim) {
            abandoned = true;
        }

        @Override
        public void release(IdempotencyClaim.Acquired claim) {
            released = true;
        }
    }

    private IdempotencyFilter filter(IdempotencyStore store) {
        return new IdempotencyFilter(store, properties, writer(), meters);
    }

    private static ProblemResponseWriter writer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(EsacMessagesAutoConfiguration.KIT_BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(EsacLocales.DEFAULT);
        locales.setSupportedLocales(EsacLocales.SUPPORTED);
        return new ProblemResponseWriter(new ProblemMessages(messages), locales, JsonMapper.builder().build());
    }

    private static MockHttpServletRequest post(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projets");
        request.addHeader(IdempotencyKeys.HEADER, key);
        request.setContentType("application/json");
        request.setContent("{\"nom\":\"Serre\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return request;
    }
}
