package qc.esac.membership.network;

/** In-process notice, after the change is saved: the network's renewal window or grace period changed. */
public record NetworkRulesChanged(String networkId) {
}
