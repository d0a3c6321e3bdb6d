package qc.esac.projects.vocabulary;

/** A vocabulary another feature contributes to {@code GET /api/projects/vocabulary} (statuses, sources...). */
public record VocabularyFamily(String name, Class<? extends Enum<?>> codes) {
}
