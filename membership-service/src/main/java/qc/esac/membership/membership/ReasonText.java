package qc.esac.membership.membership;

import java.util.List;

/** Renders a reason's message code with its arguments in one language (the service's bundles in production). */
@FunctionalInterface
public interface ReasonText {

    /** Without bundles (unit tests): the code and its arguments. */
    ReasonText CODES = (code, args) -> args.isEmpty() ? code : code + " " + args;

    String render(String code, List<String> args);
}
