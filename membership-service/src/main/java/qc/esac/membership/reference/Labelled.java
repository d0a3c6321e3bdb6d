package qc.esac.membership.reference;

/** A reference value: a stable code (what APIs and events carry) with its French and English labels. */
public interface Labelled {

    String code();

    String labelFr();

    String labelEn();

    /** The label in the given language; French unless English is asked for. */
    default String label(String language) {
        return "en".equals(language) ? labelEn() : labelFr();
    }
}
