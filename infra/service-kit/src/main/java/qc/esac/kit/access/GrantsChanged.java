package qc.esac.kit.access;

/**
 * A person's grants changed in this service's store (published as a Spring application event once the change is
 * stored): {@link RecentGrants} forgets what it kept for them.
 *
 * @param userId the person's account (the token's {@code sub})
 */
public record GrantsChanged(String userId) {
}
