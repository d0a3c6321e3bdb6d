package qc.esac.insurance.plan;

import java.util.Collection;

/** Coverage tier of an enrolment, set by the dependants it covers. */
public enum Tier {
    SINGLE, COUPLE, FAMILY;

    /** Family as soon as a child is covered (single parents included), couple with a spouse only. */
    public static Tier of(Collection<DependantKind> dependants) {
        if (dependants.contains(DependantKind.CHILD)) {
            return FAMILY;
        }
        return dependants.contains(DependantKind.SPOUSE) ? COUPLE : SINGLE;
    }
}
