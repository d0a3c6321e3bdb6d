package qc.esac.training.pamt;

import org.junit.jupiter.api.Test;
import qc.esac.events.training.PamtAgreementSigned;
import qc.esac.events.training.PamtCertificateIssued;
import qc.esac.events.training.PamtCompetencyAttested;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.training.catalogue.LocalizedText;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final ProfessionalStandard STANDARD = new ProfessionalStandard("std-1", "PAD", "reseau-csmo-esac",
            new LocalizedText("Préposé ou préposée d’aide à domicile", "Home-care attendant"), List.of(
            new ProfessionalStandard.Competency("C1", LocalizedText.fr("Entretien ménager")),
            new ProfessionalStandard.Competency("C2", LocalizedText.fr("Soutien aux repas")),
            new ProfessionalStandard.Competency("C3", LocalizedText.fr("Relation avec la personne"))), true);
    private static final Agreement.Person APPRENTICE = new Agreement.Person("emp-1", "Alex", "Apprenti", null);
    private static final Agreement.Person COMPANION = new Agreement.Person("emp-2", "Dominique", "Compagnon", "u-2");

    private final AtomicInteger codes = new AtomicInteger();

    private Agreement signed() {
        return Agreement.sign("agr-1", STANDARD, "org-1", APPRENTICE, COMPANION, DAY).state();
    }

    private String code() {
        return "CODE-" + codes.incrementAndGet();
    }

    @Test
    void signingAnnouncesTheAgreementWithItsCompetencies() {
        Change<Agreement> change = Agreement.sign("agr-1", STANDARD, "org-1", APPRENTICE, COMPANION, DAY);
        assertThat(change.state().status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(change.state().remaining()).isEqualTo(3);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(PamtAgreementSigned.class,
                e -> assertThat(e.competencies()).isEqualTo(3));
    }

    @Test
    void theApprenticeCannotBeTheirOwnCompanion() {
        assertThatThrownBy(() -> Agreement.sign("a", STANDARD, "org-1", APPRENTICE, APPRENTICE, DAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("pamt.compagnon-apprenti-identiques"));
    }

    @Test
    void eachSignOffGivesAPartialAttestationAndTheLastOneTheCertificate() {
        Agreement one = signed().attest("C1", true, DAY, this::code).state();
        Change<Agreement> two = one.attest("C3", true, DAY.plusDays(30), this::code);
        assertThat(two.state().status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(two.state().certificate()).isNull();
        assertThat(two.events()).singleElement().isInstanceOfSatisfying(PamtCompetencyAttested.class,
                e -> assertThat(e.remainingCompetencies()).isEqualTo(1));

        Change<Agreement> last = two.state().attest("C2", true, DAY.plusDays(60), this::code);
        assertThat(last.state().status()).isEqualTo(AgreementStatus.COMPLETED);
        assertThat(last.state().certificate().issuedOn()).isEqualTo(DAY.plusDays(60));
        assertThat(last.events()).hasSize(2);
        assertThat(last.events().get(1)).isInstanceOfSatisfying(PamtCertificateIssued.class, e -> {
            assertThat(e.apprenticeId()).isEqualTo("emp-1");
            assertThat(e.verificationCode()).isEqualTo(last.state().certificate().verificationCode());
        });
        assertThat(last.state().competencies()).allSatisfy(c -> assertThat(c.verificationCode()).isNotNull());
    }

    @Test
    void onlyTheCompanionSignsOffOnlyOncePerCompetencyAndOnlyWhileActive() {
        Agreement agreement = signed();
        assertThatThrownBy(() -> agreement.attest("C1", false, DAY, this::code))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("pamt.signataire-non-compagnon"));
        Agreement attested = agreement.attest("C1", true, DAY, this::code).state();
        assertThatThrownBy(() -> attested.attest("C1", true, DAY, this::code)).isInstanceOf(ConflictException.class);
        Agreement ended = attested.terminate("Départ de l’apprenti", DAY).state();
        assertThat(ended.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThatThrownBy(() -> ended.attest("C2", true, DAY, this::code))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("pamt.entente-inactive"));
    }

    @Test
    void figuresCountAgreementsCertificatesAndDistinctCompanions() {
        Agreement done = signed().attest("C1", true, DAY, this::code).state()
                .attest("C2", true, DAY, this::code).state().attest("C3", true, DAY, this::code).state();
        Agreement other = Agreement.sign("agr-2", STANDARD, "org-1",
                new Agreement.Person("emp-3", "Sam", "Apprenti", null), COMPANION, DAY).state();
        PamtFigures figures = PamtFigures.of(List.of(done, other), DAY.withDayOfMonth(1), DAY.plusMonths(1));
        assertThat(figures.agreementsSigned()).isEqualTo(2);
        assertThat(figures.certificatesIssued()).isEqualTo(1);
        assertThat(figures.agreementsActive()).isEqualTo(1);
        assertThat(figures.competenciesAttested()).isEqualTo(3);
        assertThat(figures.companions()).isEqualTo(1);
        assertThat(figures.apprentices()).isEqualTo(2);
    }

    @Test
    void aPersonCorrectsTheirNameAsApprenticeOrCompanionOnly() {
        Agreement corrected = signed().withPersonCorrected(Set.of("emp-2"), " Dominic ", "Compagnon-Corrigé");
        assertThat(corrected.companion().fullName()).isEqualTo("Dominic Compagnon-Corrigé");
        assertThat(corrected.companion().userId()).isEqualTo("u-2");
        assertThat(corrected.apprentice()).isEqualTo(APPRENTICE);
        assertThat(signed().withPersonCorrected(Set.of("emp-9"), "X", "Y")).isNull();
    }

    @Test
    void theAgreementKeepsTheStandardsTitlesInBothLanguages() {
        Agreement a = signed();
        assertThat(a.standardTitleText().in(Locale.ENGLISH)).isEqualTo("Home-care attendant");
        assertThat(a.standardTitleText().in(Locale.CANADA_FRENCH)).isEqualTo("Préposé ou préposée d’aide à domicile");
        // A competency without an English title reads in French.
        assertThat(a.competencies().get(0).titleText().in(Locale.ENGLISH)).isEqualTo("Entretien ménager");
    }
}
