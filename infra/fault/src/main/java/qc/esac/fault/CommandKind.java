package qc.esac.fault;

import java.util.List;
import java.util.Map;

/**
 * One kind of cross-service command the driver sends after an organization is registered and renamed: how its
 * steps are sent (each with its own {@code Idempotency-Key}, retried as {@link Driver} retries) and how its effect
 * is checked, exactly once and in its last state, in each read model that shows it.
 */
interface CommandKind {

    /** What a read model shows of one command's effect. */
    enum Outcome {
        /** Present once, in the state the client's last accepted step left. */
        FOUND,
        /** Absent. */
        LOST,
        /** Present more than once (or a step's effect recorded twice). */
        DUPLICATED,
        /** Present once, but not in the last state: a step applied out of order, or not at all. */
        OUT_OF_ORDER
    }

    /** Its name in the report. */
    String name();

    /** Whether the {@code n}th organization also sends this kind (a lower rate than the organizations'). */
    boolean appliesTo(int n);

    /** How many steps a command has (its run's {@code reached} once every step was accepted). */
    int steps();

    /** The read models checked, in the report's order (the source service's own first). */
    List<String> readModels();

    /** What must exist before the first command (sent once, before the load starts). */
    default void prepare(Driver driver) {
    }

    /** Sends the steps for an accepted, renamed organization; records what the client learned in {@code run}. */
    void drive(Driver driver, Driver.Flow flow, Driver.Run run);

    /** Each read model's outcome for one run (the run's {@code reached} steps set the expected last state). */
    Map<String, Outcome> check(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run);

    /** Whether the source holds anything of a run whose first step the client never got accepted. */
    boolean createdAnyway(Api api, FaultStack stack, Driver.Flow flow, Driver.Run run);
}
