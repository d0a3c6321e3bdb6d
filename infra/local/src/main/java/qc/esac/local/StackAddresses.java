package qc.esac.local;

/**
 * What a component needs to know to find the others.
 *
 * @param infrastructure the broker's and the store's addresses
 * @param issuer         the URL of the OIDC issuer whose tokens the gateway and the services accept
 */
public record StackAddresses(LocalAddresses infrastructure, String issuer) {
}
