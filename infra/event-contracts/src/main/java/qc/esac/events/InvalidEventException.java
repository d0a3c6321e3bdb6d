package qc.esac.events;

import java.util.List;

/**
 * Event data that does not satisfy its JSON Schema (or is not JSON at all). Unchecked: a producer
 * that builds invalid data has a bug, and a consumer routes the record to the dead-letter topic
 * with {@link #violations()} as the reason.
 */
public class InvalidEventException extends RuntimeException {

    private final String type;
    private final List<String> violations;

    public InvalidEventException(String type, List<String> violations) {
        this(type, violations, null);
    }

    public InvalidEventException(String type, List<String> violations, Throwable cause) {
        super(summary(type, violations), cause);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid event has at least one violation");
        }
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** The CloudEvents type the data was checked against. */
    public String type() {
        return type;
    }

    /** One message per violation, e.g. {@code $.neq: does not match the regex pattern ^[0-9]{10}$}. */
    public List<String> violations() {
        return violations;
    }

    private static String summary(String type, List<String> violations) {
        return "Invalid data for event type " + type + " (" + violations.size() + " violation"
                + (violations.size() == 1 ? "" : "s") + "): " + String.join("; ", violations);
    }
}
