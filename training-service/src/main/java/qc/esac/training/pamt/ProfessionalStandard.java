package qc.esac.training.pamt;

import qc.esac.training.catalogue.LocalizedText;

import java.util.List;

/**
 * A trade's professional standard (e.g. home-care attendant), split into the competencies an apprentice
 * acquires on the job.
 */
public record ProfessionalStandard(String id, String code, String networkId, LocalizedText title,
                                   List<Competency> competencies, boolean active) {

    public ProfessionalStandard {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
    }

    public record Competency(String code, LocalizedText title) {
    }
}
