package qc.esac.events;

/** Kafka topics, one per bounded context and major version; records are keyed by aggregate id. */
public final class Topics {

    public static final String MEMBERSHIP = "esac.membership.events.v1";
    public static final String TRAINING = "esac.training.events.v1";
    public static final String INSURANCE = "esac.insurance.events.v1";
    public static final String PROJECTS = "esac.projects.events.v1";

    /** Suffix of the dead-letter topic that receives the records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
