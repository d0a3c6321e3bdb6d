package qc.esac.gateway.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import qc.esac.gateway.edge.RequestIds;

/**
 * Writes RFC 9457 {@code application/problem+json} answers in the caller's language (French by
 * default, English on {@code Accept-Language: en}), shaped like the services' problems: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, plus {@code code} and the
 * {@code requestId} to quote to support.
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    public ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = GatewayLocales.resolve(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", text("problem." + problem.code() + ".title", null, locale,
                "problem.status." + problem.status().value() + ".title"));
        body.put("status", problem.status().value());
        body.put("detail", text("problem." + problem.code() + ".detail", problem.args(), locale,
                "problem.status." + problem.status().value() + ".detail"));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        headers.setCacheControl("no-store");
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(problem.retryAfter()))));
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The localized text; the generic one for the status when the bundle lacks the code. */
    private String text(String code, Object[] args, Locale locale, String fallbackCode) {
        String text = messages.getMessage(code, args, null, locale);
        if (text == null) {
            text = messages.getMessage(fallbackCode, null, null, locale);
        }
        return text == null ? "" : text;
    }

    private static long ceilSeconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis + 999) / 1000;
    }
}
