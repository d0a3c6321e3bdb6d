package qc.esac.gateway.security;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * {@code esac.gateway.security.*}.
 *
 * @param publicRoutes routes anonymous callers may use, as {@code "METHOD /path/pattern/**"}
 *        (Spring {@code PathPattern} syntax); everything else under {@code /api/} needs a valid token
 * @param staffOnly path patterns only network staff may reach (operations endpoints)
 * @param cors cross-origin access for browser front-ends
 */
@ConfigurationProperties("esac.gateway.security")
public record GatewaySecurityProperties(List<String> publicRoutes, List<String> staffOnly, Cors cors) {

    public GatewaySecurityProperties {
        publicRoutes = publicRoutes == null ? List.of() : List.copyOf(publicRoutes);
        staffOnly = staffOnly == null ? List.of() : List.copyOf(staffOnly);
        cors = cors == null ? new Cors(List.of(), null) : cors;
    }

    /** The public routes, parsed; a malformed entry stops the gateway at startup rather than open a hole. */
    public List<PublicRoute> parsedPublicRoutes() {
        return publicRoutes.stream().map(PublicRoute::parse).toList();
    }

    public record PublicRoute(HttpMethod method, String pattern) {

        static PublicRoute parse(String entry) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("esac.gateway.security.public-routes: expected \"METHOD /path\", got \""
                        + entry + "\"");
            }
            return new PublicRoute(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
        }
    }

    /**
     * @param allowedOrigins origins of the web front-ends (exact origins or patterns such as
     *        {@code https://*.esac.quebec}); empty: no cross-origin access
     * @param maxAge how long browsers may cache a preflight answer, in seconds
     */
    public record Cors(List<String> allowedOrigins, Long maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
            maxAge = maxAge == null ? 3600L : maxAge;
        }
    }
}
