package qc.esac.training.pamt;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.TrainingClock;
import qc.esac.training.VerificationCodes;
import qc.esac.training.catalogue.LocalizedText;
import qc.esac.membershipfeed.Roster;
import qc.esac.membershipfeed.RosterEntry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Workplace apprenticeship (PAMT): professional standards, agreements, sign-offs and certificates. */
@Service
public class PamtService {

    private final ProfessionalStandards standards;
    private final Agreements agreements;
    private final Roster roster;
    private final TrainingClock clock;

    PamtService(ProfessionalStandards standards, Agreements agreements, Roster roster, TrainingClock clock) {
        this.standards = standards;
        this.agreements = agreements;
        this.roster = roster;
        this.clock = clock;
    }

    // --- Standards ------------------------------------------------------------------------------------------

    public Versioned<ProfessionalStandard> createStandard(EsacUser user, String code, String networkId,
                                                          LocalizedText title,
                                                          List<ProfessionalStandard.Competency> competencies) {
        user.requireStaffOf(networkId);
        long distinct = competencies.stream().map(ProfessionalStandard.Competency::code).distinct().count();
        if (distinct != competencies.size()) {
            throw new BusinessRuleException("pamt.competences-en-double", code);
        }
        String id = UUID.randomUUID().toString();
        try {
            return standards.insert(id, new ProfessionalStandard(id, code, networkId, title, competencies, true));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("pamt.norme-existante", code);
        }
    }

    public Versioned<ProfessionalStandard> standard(String id) {
        return standards.get(id);
    }

    public List<ProfessionalStandard> standards() {
        return standards.all();
    }

    // --- Agreements -----------------------------------------------------------------------------------------

    /** An organization's administrator (or the network's staff) signs an agreement for two of its employees. */
    public Versioned<Agreement> sign(EsacUser user, String standardId, String organizationId, String apprenticeId,
                                     String companionId) {
        ProfessionalStandard standard = standard(standardId).state();
        user.requireOrganizationIn(organizationId, standard.networkId());
        LocalDate today = clock.today();
        String id = UUID.randomUUID().toString();
        Change<Agreement> change = Agreement.sign(id, standard, organizationId,
                employee(apprenticeId, organizationId, today), employee(companionId, organizationId, today), today);
        return agreements.insert(id, change);
    }

    /** Only the agreement's companion signs off a competency. */
    public Versioned<Agreement> attest(EsacUser user, String agreementId, String competencyCode) {
        return agreements.change(agreementId, null, a -> {
            if (!isCompanion(user, a)) {
                throw new ForbiddenException("pamt.signataire-non-compagnon", a.companion().fullName());
            }
        }, a -> a.attest(competencyCode, true, clock.today(), VerificationCodes::next));
    }

    public Versioned<Agreement> terminate(EsacUser user, String agreementId, String reason) {
        return agreements.change(agreementId, null, a -> user.requireOrganizationIn(a.organizationId(), a.networkId()),
                a -> a.terminate(reason.strip(), clock.today()));
    }

    /** Staff of the network, administrators of the organization, the apprentice and the companion. */
    public Versioned<Agreement> agreementVisibleTo(EsacUser user, String id) {
        Versioned<Agreement> agreement = agreement(id);
        Agreement a = agreement.state();
        boolean party = roster.isSamePerson(user.id(), a.apprentice().employeeId())
                || roster.isSamePerson(user.id(), a.companion().employeeId());
        if (!party) {
            user.requireOrganizationIn(a.organizationId(), a.networkId());
        }
        return agreement;
    }

    public List<Agreement> agreementsOf(EsacUser user, String organizationId) {
        if (!user.isStaff() && !user.administers(organizationId)) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        return agreements.ofOrganization(organizationId).stream()
                .filter(a -> !user.isStaff() || user.isStaffOf(a.networkId()) || user.organizationIds()
                        .contains(organizationId))
                .toList();
    }

    /** The agreements where one of these employees is the apprentice or the companion, most recent first. */
    public List<Agreement> agreementsOfPeople(Collection<String> employeeIds) {
        return agreements.ofPeople(employeeIds);
    }

    /**
     * A person corrects the name their agreements hold.
     *
     * @return how many agreements changed
     */
    public int correctPerson(Set<String> employeeIds, String firstName, String lastName) {
        List<Agreement> theirs = agreementsOfPeople(employeeIds);
        // The person acts on their own data only: the agreements were selected by their ids.
        theirs.forEach(a -> agreements.change(a.id(), null, current -> { }, current -> {
            Agreement changed = current.withPersonCorrected(employeeIds, firstName, lastName);
            return changed == null ? Change.unchanged() : Change.of(changed);
        }));
        return theirs.size();
    }

    /** Agreements in force at some point of [from, to] (signed by its end, not ended before its start). */
    public List<Agreement> agreementsActiveBetween(LocalDate from, LocalDate to, String networkId) {
        return agreements.signedBy(to, networkId).stream()
                .filter(a -> a.endedOn() == null || !a.endedOn().isBefore(from)).toList();
    }

    /** The agreement holding a certificate or partial-attestation code. */
    public Optional<Agreement> agreementWithCode(String code) {
        return agreements.withCode(code);
    }

    private Versioned<Agreement> agreement(String id) {
        return agreements.get(id);
    }

    private boolean isCompanion(EsacUser user, Agreement a) {
        return roster.isSamePerson(user.id(), a.companion().employeeId())
                || (a.companion().userId() != null && a.companion().userId().equals(user.id()));
    }

    private Agreement.Person employee(String employeeId, String organizationId, LocalDate today) {
        RosterEntry employee = roster.find(employeeId).filter(e -> e.worksFor(organizationId, today))
                .orElseThrow(() -> new BusinessRuleException("inscription.employe-inconnu", employeeId,
                        organizationId));
        return new Agreement.Person(employee.id(), employee.firstName(), employee.lastName(), employee.userId());
    }
}
