package qc.esac.kit.web;

import java.util.List;
import java.util.Locale;

/** Languages the platform speaks: French (Quebec) first, English on request. */
public final class EsacLocales {

    public static final Locale FRENCH_CANADA = Locale.forLanguageTag("fr-CA");
    public static final Locale DEFAULT = FRENCH_CANADA;
    public static final List<Locale> SUPPORTED = List.of(FRENCH_CANADA, Locale.FRENCH, Locale.ENGLISH);

    private EsacLocales() {
    }
}
