package qc.esac.membership.roster;

import org.junit.jupiter.api.Test;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterCsvTest {

    @Test
    void readsASemicolonSpreadsheetWithFrenchHeadersDecimalCommasAndQuotes() {
        List<RosterCsv.Line> lines = RosterCsv.parse("""
                \uFEFFPrénom;Nom;Courriel;Titre;Statut;Heures par semaine;Date d’embauche
                Odile;Fictif-Tremblay;Odile@Exemple.org;"Coordonnatrice; volet jeunesse";temps plein;37,5;2024-08-19
                Marc;Essai;;Animateur;Temps partiel;21;2025-01-06
                """);

        assertThat(lines).hasSize(2);
        RosterCsv.Line first = lines.get(0);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.problems()).isEmpty();
        assertThat(first.details().workEmail()).isEqualTo("odile@exemple.org");
        assertThat(first.details().jobTitle()).isEqualTo("Coordonnatrice; volet jeunesse");
        assertThat(first.details().employmentStatus()).isEqualTo("FULL_TIME");
        assertThat(first.details().weeklyHours()).isEqualByComparingTo("37.5");
        assertThat(lines.get(1).details().workEmail()).isNull();
        assertThat(lines.get(1).details().employmentStatus()).isEqualTo("PART_TIME");
        assertThat(lines.get(1).details().violations(LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void unreadableValuesAreLineProblemsNotFailures() {
        List<RosterCsv.Line> lines = RosterCsv.parse("""
                firstName,lastName,employmentStatus,weeklyHours,hireDate
                Lise,Exemple,FULL_TIME,trente,19/08/2024
                """);

        assertThat(lines.get(0).problems()).extracting(FieldViolation::field)
                .containsExactly("weeklyHours", "hireDate");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        assertThatThrownBy(() -> RosterCsv.parse("prenom,nom\nLise,Exemple\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("roster.csv-colonnes-manquantes");
                    assertThat(e.args()[0].toString()).contains("employmentStatus", "weeklyHours", "hireDate");
                });
        assertThatThrownBy(() -> RosterCsv.parse("  ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void detailsAreCheckedWithTheirFields() {
        Employee.Details details = new Employee.Details(" ", "Exemple", "pas-un-courriel", null, "SOMETIMES",
                new java.math.BigDecimal("90"), LocalDate.of(2030, 1, 1));

        assertThat(details.violations(LocalDate.of(2026, 1, 1))).extracting(FieldViolation::field)
                .containsExactly("firstName", "workEmail", "employmentStatus", "weeklyHours", "hireDate");
    }
}
