package qc.esac.training.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A trainer as the catalogue presents them: name, title and credentials (e.g. CRHA). */
public record Trainer(@NotBlank @Size(max = 120) String name, @Size(max = 160) String title,
                      List<@NotBlank @Size(max = 40) String> credentials) {

    public Trainer {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
