package qc.esac.training.catalogue;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A course of a network's training catalogue. Sessions are scheduled occurrences of it.
 *
 * @param audiences  audience codes used to filter the catalogue (e.g. {@code GESTIONNAIRES})
 * @param hours      length of the course, which sets the UEC of its attestations
 * @param searchText lower-case text without accents, so that a search for "gestion equipe" finds "Gestion d’équipe"
 * @param active     false once staff withdrew it from the catalogue (kept for the attestations that name it)
 */
public record Course(String id, String networkId, LocalizedText title, LocalizedText description,
                     List<LocalizedText> objectives, LocalizedText targetAudience, List<String> audiences,
                     List<String> themes, Set<DeliveryFormat> formats, Set<DeliveryMode> modes, BigDecimal hours,
                     List<Trainer> trainers, boolean active, String searchText) {

    public Course {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        themes = themes == null ? List.of() : List.copyOf(themes);
        formats = formats == null ? Set.of() : Set.copyOf(formats);
        modes = modes == null ? Set.of() : Set.copyOf(modes);
        trainers = trainers == null ? List.of() : List.copyOf(trainers);
    }

    /** The course with its search text computed from its current texts. */
    static Course of(String id, String networkId, LocalizedText title, LocalizedText description,
                     List<LocalizedText> objectives, LocalizedText targetAudience, List<String> audiences,
                     List<String> themes, Set<DeliveryFormat> formats, Set<DeliveryMode> modes, BigDecimal hours,
                     List<Trainer> trainers, boolean active) {
        String text = Stream.concat(Stream.of(title, description, targetAudience), objectives.stream())
                .filter(Objects::nonNull)
                .flatMap(t -> Stream.of(t.fr(), t.en()))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        String trainerNames = trainers == null ? "" : trainers.stream().map(Trainer::name).collect(Collectors.joining(" "));
        return new Course(id, networkId, title, description, objectives, targetAudience, audiences, themes, formats,
                modes, hours, trainers, active, normalize(text + " " + trainerNames + " " + String.join(" ", themes)));
    }

    /** Lower case, accents and punctuation removed: how both texts and queries are compared. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
