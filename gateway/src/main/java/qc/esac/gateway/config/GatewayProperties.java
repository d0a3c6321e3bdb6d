package qc.esac.gateway.config;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code esac.gateway.*}: the services behind the gateway and the limits of what clients may send.
 *
 * @param services backend services by context name ({@code membership}, {@code training}, ...): a
 *        map, so that one service's address or timeout can be overridden alone
 * @param maxRequestSize largest request body accepted; larger ones get a 413
 */
@ConfigurationProperties("esac.gateway")
public record GatewayProperties(Map<String, ServiceRoute> services, @DefaultValue("1MB") DataSize maxRequestSize) {

    /** A service's API-document route is named after it with this suffix ({@code membership-api-docs}). */
    public static final String API_DOCS_SUFFIX = "-api-docs";

    public GatewayProperties {
        services = services == null ? Map.of() : new TreeMap<>(services);
    }

    /** French name of the service behind a route, for error messages. */
    public String displayName(String routeId, boolean english) {
        ServiceRoute route = services.get(serviceOf(routeId));
        if (route == null) {
            return routeId;
        }
        String name = english ? route.displayNameEn() : route.displayName();
        return name == null ? routeId : name;
    }

    /** API-doc routes are named {@code <service>-api-docs}. */
    public static String serviceOf(String routeId) {
        return routeId == null ? null : routeId.replace(API_DOCS_SUFFIX, "");
    }
}
