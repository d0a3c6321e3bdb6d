package qc.esac.projects.vocabulary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Labels of the vocabularies' codes in the caller's language, for views, reports and the vocabulary endpoint. */
@Component
public class Vocabulary {

    private final MessageSource messages;

    Vocabulary(MessageSource messages) {
        this.messages = messages;
    }

    /** A text of the bundles in the caller's language, e.g. a report heading. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Label of an enum code, e.g. {@code vocabulaire.enjeu.PENURIE_MAIN_OEUVRE}; the code itself when unknown. */
    public String label(String family, Enum<?> code) {
        if (code == null) {
            return null;
        }
        return messages.getMessage("vocabulaire." + family + "." + code.name(), null, code.name(),
                LocaleContextHolder.getLocale());
    }
}
