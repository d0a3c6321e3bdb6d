package qc.esac.kit.idempotency;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.security.ProblemResponseWriter;

/**
 * Honours {@code Idempotency-Key} on the configured methods (POST by default): a request carrying a key
 * runs at most once per caller and key; its retries get the recorded response, marked
 * {@code Idempotency-Replayed: true}, until the retention ends.
 *
 * <ul>
 * <li>first request with a key: claims it, runs, and records status, replayed headers and body;</li>
 * <li>same key, same method, path and body, after completion: the recorded response, nothing runs;</li>
 * <li>same key, different request: 422 {@link ProblemTypes#CLE_IDEMPOTENCE_REUTILISEE};</li>
 * <li>same key while the first still runs: 409 {@link ProblemTypes#REQUETE_EN_COURS} with
 * {@code Retry-After};</li>
 * <li>a 5xx answer or an exception gives the key back so that a retry runs again; other answers, client
 * errors included, are recorded (the request was judged), except 408, 425 and 429 which invite a retry;</li>
 * <li>a request that ended without a recorded answer after it wrote (it failed after the write, its instance
 * died, the store went away) leaves its key to a retry that runs as a re-execution: the request's writes
 * carry its key ({@link IdempotentRequest}), so the re-execution answers what the first run wrote instead of
 * writing again;</li>
 * <li>a repeated, empty, over-long or non-ASCII key: 400 {@link ProblemTypes#CLE_IDEMPOTENCE_INVALIDE}.</li>
 * </ul>
 *
 * <p>Keys belong to the authenticated subject (the JWT {@code sub}), or to "anonymous" on open routes: two
 * callers can never see each other's responses. The filter runs just after Spring Security's chain
 * ({@link #ORDER}), so requests it rejects (401, 403) never claim a key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** Just after Spring Security's filter chain (-100), which provides the caller. */
    public static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;
    static final String ANONYMOUS = "anonymous";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String CLAIM_ATTRIBUTE = IdempotencyFilter.class.getName() + ".claim";
    private static final String RUN_ATTRIBUTE = IdempotencyFilter.class.getName() + ".run";
    /** Client errors that ask the client to try again: not a judgement worth replaying. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(408, 425, 429);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemResponseWriter problems;
    private final Counter replays;
    private final MeterRegistry meters;

    public IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemResponseWriter problems,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.problems = problems;
        this.meters = meters;
        this.replays = Counter.builder("esac.idempotency.replays")
                .description("Requests answered with the recorded response of an earlier request with the same Idempotency-Key")
                .register(meters);
    }

    /** Async requests are completed on their last dispatch, which must come through here too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            IdempotencyClaim.Acquired claim = (IdempotencyClaim.Acquired) request.getAttribute(CLAIM_ATTRIBUTE);
            IdempotentRequest run = (IdempotentRequest) request.getAttribute(RUN_ATTRIBUTE);
            ContentCachingResponseWrapper wrapper = WebUtils.getNativeResponse(response,
                    ContentCachingResponseWrapper.class);
            if (claim == null || run == null || wrapper == null) {
                chain.doFilter(request, response);
            }
            else {
                proceed(request, wrapper, chain, claim, run);
            }
            return;
        }
        List<String> values = Collections.list(request.getHeaders(IdempotencyKeys.HEADER));
        if (values.isEmpty() || !properties.appliesTo(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String key;
        try {
            key = IdempotencyKeys.parse(values);
        }
        catch (IllegalArgumentException e) {
            reject(request, response, "invalid-key", 400, ProblemTypes.CLE_IDEMPOTENCE_INVALIDE,
                    "idempotence.cle-invalide", IdempotencyKeys.MAX_LENGTH);
            return;
        }
        HttpServletRequest target = request;
        String fingerprint;
        if (isForm(request)) {
            // The container parses form bodies into parameters; reading the stream would lose them.
            fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), pathAndQuery(request),
                    request.getParameterMap());
        }
        else {
            byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
            target = new CachedBodyRequest(request, body);
            fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), pathAndQuery(request), body);
        }
        IdempotencyClaim claim;
        try {
            claim = store.claim(subject(), key, fingerprint);
        }
        catch (RuntimeException e) {
            // Running the request unprotected could create twice: better refuse it, the client retries.
            log.error("Idempotency store unavailable; {} {} refused", request.getMethod(), request.getRequestURI(), e);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterSeconds()));
            reject(request, response, "store-unavailable", 503, ProblemTypes.SERVICE_INDISPONIBLE,
                    "idempotence.indisponible");
            return;
        }
        if (claim instanceof IdempotencyClaim.Acquired acquired) {
            IdempotentRequest run = new IdempotentRequest(acquired);
            if (acquired.reexecution()) {
                log.warn("Idempotency key of {} run again after its earlier run ended without an answer; its "
                        + "writes, if any, answer it", subject());
            }
            request.setAttribute(CLAIM_ATTRIBUTE, acquired);
            request.setAttribute(RUN_ATTRIBUTE, run);
            proceed(target, new ContentCachingResponseWrapper(response), chain, acquired, run);
        }
        else if (claim instanceof IdempotencyClaim.Completed completed) {
            replay(response, completed.response());
        }
        else if (claim instanceof IdempotencyClaim.InFlight) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterSeconds()));
            reject(request, response, "in-flight", 409, ProblemTypes.REQUETE_EN_COURS, "idempotence.en-cours",
                    properties.retryAfterSeconds());
        }
        else {
            reject(request, response, "mismatch", 422, ProblemTypes.CLE_IDEMPOTENCE_REUTILISEE,
                    "idempotence.cle-reutilisee");
        }
    }

    private void proceed(HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain,
            IdempotencyClaim.Acquired claim, IdempotentRequest run) throws ServletException, IOException {
        run.bind();
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException | Error e) {
            giveBack(claim, run);
            throw e;
        }
        finally {
            IdempotentRequest.unbind();
        }
        if (request.isAsyncStarted()) {
            return; // the response is written on a later dispatch, which finishes the claim
        }
        try {
            finish(claim, run, response);
        }
        finally {
            response.copyBodyToResponse();
        }
    }

    private void finish(IdempotencyClaim.Acquired claim, IdempotentRequest run,
            ContentCachingResponseWrapper response) {
        int status = response.getStatus();
        if (status >= 500 || RETRYABLE_CLIENT_ERRORS.contains(status)) {
            giveBack(claim, run);
            return;
        }
        try {
            store.complete(claim, recorded(response, status));
        }
        catch (RuntimeException e) {
            // The client still gets this answer. Its retries get 409 until the key is free again (at once if
            // the store takes the abandon, else after the in-flight timeout), then run as a re-execution, which
            // answers from what this run wrote (the key is on the aggregates) rather than running the command again.
            log.error("Response for idempotency key {} could not be recorded", claim.id(), e);
            abandon(claim);
        }
    }

    /**
     * After a failure: a request that wrote nothing releases its key (a retry runs afresh); one that may have
     * written abandons it, so that the retry runs as a re-execution and answers what was written.
     */
    private void giveBack(IdempotencyClaim.Acquired claim, IdempotentRequest run) {
        if (run.mayHaveWritten()) {
            abandon(claim);
            return;
        }
        try {
            store.release(claim);
        }
        catch (RuntimeException e) {
            log.error("Idempotency key {} could not be released; it frees itself after {}", claim.id(),
                    properties.inFlightTimeout(), e);
        }
    }

    private void abandon(IdempotencyClaim.Acquired claim) {
        try {
            store.abandon(claim);
        }
        catch (RuntimeException e) {
            log.error("Idempotency key {} could not be left to a retry; it frees itself after {}", claim.id(),
                    properties.inFlightTimeout(), e);
        }
    }

    private StoredResponse recorded(ContentCachingResponseWrapper response, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : properties.replayedHeaders()) {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                if (response.getContentType() != null) {
                    headers.put(HttpHeaders.CONTENT_TYPE, List.of(response.getContentType()));
                }
            }
            else if (response.containsHeader(name)) {
                headers.put(name, new ArrayList<>(response.getHeaders(name)));
            }
        }
        byte[] body = response.getContentAsByteArray();
        boolean omitted = body.length > properties.maxResponseSize().toBytes();
        if (omitted) {
            log.warn("Response of {} bytes not kept for idempotent replay (limit {})", body.length,
                    properties.maxResponseSize());
        }
        return new StoredResponse(status, headers, omitted ? new byte[0] : body, omitted);
    }

    private void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        replays.increment();
        response.setStatus(stored.status());
        stored.headers().forEach((name, values) -> {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                response.setContentType(values.get(0));
            }
            else {
                for (int i = 0; i < values.size(); i++) {
                    if (i == 0) {
                        response.setHeader(name, values.get(i));
                    }
                    else {
                        response.addHeader(name, values.get(i));
                    }
                }
            }
        });
        response.setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        if (stored.body().length > 0) {
            response.getOutputStream().write(stored.body());
        }
        response.flushBuffer();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String reason, int status,
            String type, String code, Object... args) throws IOException {
        Counter.builder("esac.idempotency.rejections")
                .description("Requests refused because of their Idempotency-Key (invalid, reused, in flight, unverifiable)")
                .tag("reason", reason).register(meters).increment();
        problems.write(request, response, status, type, code, args);
    }

    /** The caller the key belongs to: the token's subject, or "anonymous" on an open route. */
    static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
