package qc.esac.training.catalogue;

/** How a course or a session is attended. */
public enum DeliveryMode {
    IN_PERSON,
    ONLINE_SYNCHRONOUS,
    SELF_PACED
}
