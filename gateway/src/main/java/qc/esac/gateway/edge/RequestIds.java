package qc.esac.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The request id every answer carries and every backend receives: the client's if sane, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    /** Long or exotic values from clients are replaced, not trusted into logs and headers. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
