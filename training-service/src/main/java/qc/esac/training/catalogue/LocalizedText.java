package qc.esac.training.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** A text we write ourselves, in French and, when translated, in English. */
public record LocalizedText(@NotBlank @Size(max = 4000) String fr, @Size(max = 4000) String en) {

    public LocalizedText {
        fr = fr == null ? null : fr.strip();
        en = en == null || en.isBlank() ? null : en.strip();
    }

    public static LocalizedText fr(String fr) {
        return new LocalizedText(fr, null);
    }

    /** The text in the caller's language, French when no English version exists. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null ? en : fr;
    }
}
