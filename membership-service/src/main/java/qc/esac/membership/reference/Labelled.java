package qc.esac.membership.reference;

import java.util.Arrays;
import java.util.Optional;

/** A reference value: a stable code (what APIs and events carry) with its French and English labels. */
public interface Labelled {

    String code();

    String labelFr();

    String labelEn();

    /** The label in the given language; French unless English is asked for. */
    default String label(String language) {
        return "en".equals(language) ? labelEn() : labelFr();
    }

    /** The value of a reference list with this code, if any. */
    static <E extends Enum<E> & Labelled> Optional<E> byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.code().equals(code)).findFirst();
    }
}
