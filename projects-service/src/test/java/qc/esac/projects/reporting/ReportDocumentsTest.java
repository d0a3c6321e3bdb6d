package qc.esac.projects.reporting;

import org.junit.jupiter.api.Test;
import qc.esac.projects.vocabulary.Vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The CSV export: RFC 4180 quoting, a byte order mark, CRLF, and no cell a spreadsheet would execute. */
class ReportDocumentsTest {

    private final ReportDocuments documents = new ReportDocuments(mock(Vocabulary.class));

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBeAndFormulasAreNeutralised() {
        ProgrammeReport report = new ProgrammeReport(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Map.of(),
                2, BigDecimal.ZERO, 50, List.of(), List.of(
                new ProgrammeReport.ProjectLine("p-1", "Insertion, \"volet\" 2", "ACTIVE", 40, 1, List.of(
                        new ProgrammeReport.ProjectResult("i-1", "=SUM(A1)", "EMP-1", "personnes", 17.0, 20.0,
                                85.0))),
                new ProgrammeReport.ProjectLine("p-2", "Deux\nlignes", "DRAFT", 0, 0, List.of())));

        String csv = documents.csv(report);

        assertThat(csv).isEqualTo("\uFEFF"
                + "projet,statut,avancement_pct,periodes_verrouillees,indicateur,code_programme,unite,"
                + "resultat_a_date,cible,atteinte_pct\r\n"
                + "\"Insertion, \"\"volet\"\" 2\",ACTIVE,40,1,'=SUM(A1),EMP-1,personnes,17,20,85\r\n"
                + "\"Deux\nlignes\",DRAFT,0,0,,,,,,\r\n");
    }
}
