package qc.esac.kit.messaging;

/**
 * A record that can never be processed as it is (not a CloudEvent, no sequence, data not matching its
 * schema). Retrying cannot help: the error handler sends it straight to the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
