package qc.esac.membership.network;

/** In-process notice, after the change is saved: the network's renewal window, grace period or
 * members' rights during grace changed. */
public record NetworkRulesChanged(String networkId) {
}
