package qc.esac.kit.access;

import java.util.List;

/**
 * Where a service finds the active grants of a person: its own read model of the grant events
 * ({@link GrantsReadModel}), or, in membership-service which keeps the register, the register itself.
 * Called once per authenticated request: implementations read one document by id.
 */
@FunctionalInterface
public interface GrantSource {

    /** The person's active grants; empty when they have none (or the subject is a machine client). */
    List<Grant> activeGrantsOf(String userId);
}
