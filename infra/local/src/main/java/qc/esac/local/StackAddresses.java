package qc.esac.local;

import java.util.Map;

/**
 * What a component needs to know to find the others.
 *
 * @param infrastructure the broker's and the store's addresses
 * @param urls           each component's base URL, by component name
 */
public record StackAddresses(LocalAddresses infrastructure, Map<String, String> urls) {

    public String url(String component) {
        String url = urls.get(component);
        if (url == null) {
            throw new IllegalArgumentException("No component " + component);
        }
        return url;
    }

    /** Key of {@link #urls} naming the issuer when it is not the identity component's base URL (Keycloak's realm). */
    public static final String ISSUER = "issuer";

    /** The OIDC issuer whose tokens the gateway and the services accept. */
    public String issuer() {
        String issuer = urls.get(ISSUER);
        return issuer != null ? issuer : url("identity");
    }
}
