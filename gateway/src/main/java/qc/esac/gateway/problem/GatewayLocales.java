package qc.esac.gateway.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The language of a gateway answer: French unless the client prefers English. Unlike the JVM's
 * default locale, this never depends on the machine the gateway runs on.
 */
public final class GatewayLocales {

    public static final Locale FRENCH = Locale.forLanguageTag("fr-CA");
    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private GatewayLocales() {
    }

    public static Locale resolve(ServerWebExchange exchange) {
        return resolve(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FRENCH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return Locale.ENGLISH.equals(match) ? Locale.ENGLISH : FRENCH;
        }
        catch (IllegalArgumentException malformed) {
            return FRENCH;
        }
    }

    public static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
