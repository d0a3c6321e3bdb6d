package qc.esac.training.pamt;

import qc.esac.events.EventData;
import qc.esac.events.training.PamtAgreementSigned;
import qc.esac.events.training.PamtCertificateIssued;
import qc.esac.events.training.PamtCompetencyAttested;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.training.catalogue.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A workplace apprenticeship agreement: an apprentice and a companion of the same organization, for one
 * professional standard. The companion signs off competencies one by one (each gives a partial attestation);
 * the last one completes the agreement and issues the qualification certificate. The standard's titles are copied
 * at signing in French and English (two fields, so that agreements stored before English existed still read).
 */
public record Agreement(String id, String standardId, String standardCode, String standardTitle,
                        String standardTitleEn, String networkId, String organizationId, Person apprentice,
                        Person companion, LocalDate signedOn, AgreementStatus status,
                        List<CompetencyProgress> competencies, Certificate certificate, LocalDate endedOn,
                        String endReason) {

    public Agreement {
        competencies = List.copyOf(competencies);
    }

    /** Someone on the organization's roster; {@code userId} is their platform account when linked. */
    public record Person(String employeeId, String firstName, String lastName, String userId) {

        public String fullName() {
            return firstName + " " + lastName;
        }

        Person named(String newFirstName, String newLastName) {
            return new Person(employeeId, newFirstName.strip(), newLastName.strip(), userId);
        }
    }

    /** One competency of the standard and, once signed off, its partial attestation. */
    public record CompetencyProgress(String code, String title, String titleEn, LocalDate attestedOn,
                                     String verificationCode) {

        public LocalizedText titleText() {
            return new LocalizedText(title, titleEn);
        }

        boolean attested() {
            return attestedOn != null;
        }
    }

    public record Certificate(String verificationCode, LocalDate issuedOn) {
    }

    /** A signed agreement; apprentice and companion are two different people of the same organization. */
    public static Change<Agreement> sign(String id, ProfessionalStandard standard, String organizationId,
                                       Person apprentice, Person companion, LocalDate signedOn) {
        if (apprentice.employeeId().equals(companion.employeeId())) {
            throw new BusinessRuleException("pamt.compagnon-apprenti-identiques");
        }
        if (!standard.active() || standard.competencies().isEmpty()) {
            throw new BusinessRuleException("pamt.norme-inactive", standard.code());
        }
        List<CompetencyProgress> competencies = standard.competencies().stream()
                .map(c -> new CompetencyProgress(c.code(), c.title().fr(), c.title().en(), null, null)).toList();
        Agreement agreement = new Agreement(id, standard.id(), standard.code(), standard.title().fr(),
                standard.title().en(), standard.networkId(), organizationId, apprentice, companion, signedOn,
                AgreementStatus.ACTIVE,
                competencies, null, null, null);
        return Change.of(agreement, List.of(new PamtAgreementSigned(id, standard.code(),
                standard.title().fr(), organizationId, apprentice.employeeId(), companion.employeeId(),
                competencies.size(), signedOn)));
    }

    public LocalizedText standardTitleText() {
        return new LocalizedText(standardTitle, standardTitleEn);
    }

    public long remaining() {
        return competencies.stream().filter(c -> !c.attested()).count();
    }

    /**
     * The companion signs off a competency. Only the companion of this agreement may, only while it is active,
     * and only once per competency.
     */
    public Change<Agreement> attest(String competencyCode, boolean signedByCompanion, LocalDate today,
                                    Supplier<String> verificationCodes) {
        if (!signedByCompanion) {
            throw new ForbiddenException("pamt.signataire-non-compagnon", companion.fullName());
        }
        if (status != AgreementStatus.ACTIVE) {
            throw new BusinessRuleException("pamt.entente-inactive", status.name());
        }
        CompetencyProgress target = competencies.stream().filter(c -> c.code().equals(competencyCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("pamt.competence-introuvable", competencyCode, standardCode));
        if (target.attested()) {
            throw new ConflictException("pamt.competence-deja-attestee", competencyCode, target.attestedOn().toString());
        }
        String code = verificationCodes.get();
        List<CompetencyProgress> updated = competencies.stream()
                .map(c -> c.code().equals(competencyCode)
                        ? new CompetencyProgress(c.code(), c.title(), c.titleEn(), today, code) : c).toList();
        long remaining = updated.stream().filter(c -> !c.attested()).count();
        List<EventData> events = new ArrayList<>();
        events.add(new PamtCompetencyAttested(id, standardCode, organizationId, apprentice.employeeId(),
                companion.employeeId(), competencyCode, code, today, (int) remaining));
        AgreementStatus nextStatus = status;
        Certificate issued = null;
        if (remaining == 0) {
            nextStatus = AgreementStatus.COMPLETED;
            issued = new Certificate(verificationCodes.get(), today);
            events.add(new PamtCertificateIssued(id, standardCode, standardTitle, organizationId,
                    apprentice.employeeId(), companion.employeeId(), issued.verificationCode(), today));
        }
        return Change.of(new Agreement(id, standardId, standardCode, standardTitle, standardTitleEn,
                networkId, organizationId, apprentice, companion, signedOn, nextStatus, updated, issued,
                issued == null ? null : today, null), events);
    }

    /** Ends an active agreement early; attested competencies keep their attestations. */
    public Change<Agreement> terminate(String reason, LocalDate today) {
        if (status != AgreementStatus.ACTIVE) {
            throw new BusinessRuleException("pamt.entente-inactive", status.name());
        }
        return Change.of(new Agreement(id, standardId, standardCode, standardTitle, standardTitleEn,
                networkId, organizationId, apprentice, companion, signedOn, AgreementStatus.TERMINATED,
                competencies, null, today, reason));
    }

    /** The person's own correction of their name as apprentice or companion; null when they are neither. */
    public Agreement withPersonCorrected(Set<String> employeeIds, String firstName, String lastName) {
        boolean apprenticeCorrected = employeeIds.contains(apprentice.employeeId());
        boolean companionCorrected = employeeIds.contains(companion.employeeId());
        if (!apprenticeCorrected && !companionCorrected) {
            return null;
        }
        return new Agreement(id, standardId, standardCode, standardTitle, standardTitleEn, networkId,
                organizationId, apprenticeCorrected ? apprentice.named(firstName, lastName) : apprentice,
                companionCorrected ? companion.named(firstName, lastName) : companion, signedOn, status,
                competencies, certificate, endedOn, endReason);
    }

}
