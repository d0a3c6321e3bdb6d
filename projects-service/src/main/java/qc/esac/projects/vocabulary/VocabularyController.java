package qc.esac.projects.vocabulary;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The project vocabularies with their labels in the caller's language, for forms and filters:
 * {@code GET /api/projects/vocabulary} (public).
 */
@RestController
@RequestMapping("/api/projects/vocabulary")
class VocabularyController {

    private final Vocabulary vocabulary;
    private final Map<String, Class<? extends Enum<?>>> families;

    VocabularyController(Vocabulary vocabulary, List<VocabularyFamily> extra) {
        this.vocabulary = vocabulary;
        this.families = new java.util.LinkedHashMap<>();
        families.put("enjeu", TargetedIssue.class);
        families.put("unite", Unit.class);
        families.put("role", PartnerRole.class);
        extra.forEach(family -> families.put(family.name(), family.codes()));
    }

    @GetMapping
    @Operation(summary = "Lister le vocabulaire des projets",
            description = "List the projects' vocabulary (statuses, roles, indicator kinds) with French and English "
            + "labels.")
    Map<String, List<Term>> all() {
        Map<String, List<Term>> all = new java.util.LinkedHashMap<>();
        families.forEach((name, type) -> all.put(name, terms(name, type)));
        return all;
    }

    private List<Term> terms(String family, Class<? extends Enum<?>> type) {
        Function<Enum<?>, Term> term = code -> new Term(code.name(), vocabulary.label(family, code));
        return Arrays.stream(type.getEnumConstants()).map(term).toList();
    }

    /** A code and its label. */
    record Term(String code, String label) {
    }
}
