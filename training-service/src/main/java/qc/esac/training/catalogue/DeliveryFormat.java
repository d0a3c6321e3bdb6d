package qc.esac.training.catalogue;

/** Who a course is organized for. */
public enum DeliveryFormat {
    /** Given inside one organization, for its own staff. */
    IN_ONE_ORGANIZATION,
    /** Open to people of several organizations. */
    GROUP_OF_ORGANIZATIONS,
    /** Self-paced e-learning. */
    SELF_PACED_ELEARNING
}
