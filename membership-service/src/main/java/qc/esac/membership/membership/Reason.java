package qc.esac.membership.membership;

import qc.esac.membership.network.Network;

import java.time.LocalDate;
import java.util.List;

/**
 * Why a membership changed. A reason a person typed is kept as typed ({@code code} null); a reason the platform
 * writes has a message code and its arguments, so each reader gets it in their language, and its French text,
 * which the events carry.
 */
record Reason(String text, String code, List<String> args) {

    static final String RENEWAL_DUE = "raison.renouvellement-du";
    static final String IN_GRACE = "raison.delai-de-grace";
    static final String LAPSED = "raison.echue";
    static final String ORGANIZATION_CLOSED = "raison.organisation-fermee";

    Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** What a person entered; none when blank. */
    static Reason typed(String text) {
        return text == null || text.isBlank() ? null : new Reason(text.strip(), null, List.of());
    }

    static Reason coded(String code, List<String> args, ReasonText french) {
        return new Reason(french.render(code, args), code, args);
    }

    /** Why a status rule moved the membership to {@code target}. */
    static Reason ofRule(MembershipStatus target, LocalDate periodEnd, Network network, ReasonText french) {
        return switch (target) {
            case RENEWAL_DUE -> coded(RENEWAL_DUE, List.of(periodEnd.toString()), french);
            case IN_GRACE -> coded(IN_GRACE, List.of(periodEnd.toString(),
                    periodEnd.plusDays(network.graceDays()).toString()), french);
            case LAPSED -> coded(LAPSED, List.of(periodEnd.toString()), french);
            default -> throw new IllegalStateException("No status rule leads to " + target);
        };
    }
}
