package qc.esac.training.pamt;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Change;
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

    static final String STANDARDS = "pamt_standards";
    static final String AGREEMENTS = "pamt_agreements";

    private final AggregateStore<ProfessionalStandard> standards;
    private final AggregateStore<Agreement> agreements;
    private final Roster roster;
    private final TrainingClock clock;

    PamtService(AggregateStores stores, MongoTemplate mongo, Roster roster, TrainingClock clock) {
        this.standards = stores.forCollection(STANDARDS, ProfessionalStandard.class, "pamt.norme-introuvable");
        this.agreements = stores.forCollection(AGREEMENTS, Agreement.class, "pamt.entente-introuvable");
        this.roster = roster;
        this.clock = clock;
        mongo.indexOps(STANDARDS).createIndex(new Index().on("state.code", Sort.Direction.ASC).unique().named("code"));
        var indexes = mongo.indexOps(AGREEMENTS);
        indexes.createIndex(new Index().on("state.organizationId", Sort.Direction.ASC).named("organization"));
        indexes.createIndex(new Index().on("state.signedOn", Sort.Direction.ASC).named("signed_on"));
        indexes.createIndex(new Index().on("state.certificate.verificationCode", Sort.Direction.ASC)
                .named("certificate_code"));
        indexes.createIndex(new Index().on("state.competencies.verificationCode", Sort.Direction.ASC)
                .named("competency_code"));
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
            return standards.insert(id, new ProfessionalStandard(id, code, networkId, title, competencies, true),
                    List.of());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("pamt.norme-existante", code);
        }
    }

    public Versioned<ProfessionalStandard> standard(String id) {
        return standards.get(id);
    }

    public List<ProfessionalStandard> standards() {
        return standards.find(new Query().with(Sort.by("state.code")).limit(500)).stream().map(Versioned::state)
                .toList();
    }

    // --- Agreements -----------------------------------------------------------------------------------------

    /** An organization's administrator (or the network's staff) signs an agreement for two of its employees. */
    public Versioned<Agreement> sign(EsacUser user, String standardId, String organizationId, String apprenticeId,
                                     String companionId) {
        ProfessionalStandard standard = standard(standardId).state();
        user.requireOrganizationIn(organizationId, standard.networkId());
        LocalDate today = clock.today();
        String id = UUID.randomUUID().toString();
        Agreement.AgreementChange change = Agreement.sign(id, standard, organizationId,
                employee(apprenticeId, organizationId, today), employee(companionId, organizationId, today), today);
        return agreements.insert(id, change.agreement(), change.events());
    }

    /** Only the agreement's companion signs off a competency. */
    public Versioned<Agreement> attest(EsacUser user, String agreementId, String competencyCode) {
        return agreements.change(agreementId, null, a -> {
            if (!isCompanion(user, a)) {
                throw new ForbiddenException("pamt.signataire-non-compagnon", a.companion().fullName());
            }
        }, a -> written(a.attest(competencyCode, true, clock.today(), VerificationCodes::next)));
    }

    public Versioned<Agreement> terminate(EsacUser user, String agreementId, String reason) {
        return agreements.change(agreementId, null, a -> user.requireOrganizationIn(a.organizationId(), a.networkId()),
                a -> written(a.terminate(reason.strip(), clock.today())));
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
        if (!user.isStaff() && !(user.isOrgAdmin() && user.organizationIds().contains(organizationId))) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        return agreements.find(Query.query(Criteria.where("state.organizationId").is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, "state.signedOn"))).stream().map(Versioned::state)
                .filter(a -> !user.isStaff() || user.isStaffOf(a.networkId()) || user.organizationIds()
                        .contains(organizationId))
                .toList();
    }

    /** The agreements where one of these employees is the apprentice or the companion, most recent first. */
    public List<Agreement> agreementsOfPeople(Collection<String> employeeIds) {
        return agreements.find(Query.query(new Criteria().orOperator(
                        Criteria.where("state.apprentice.employeeId").in(employeeIds),
                        Criteria.where("state.companion.employeeId").in(employeeIds)))
                .with(Sort.by(Sort.Direction.DESC, "state.signedOn"))).stream().map(Versioned::state).toList();
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
        Criteria criteria = Criteria.where("state.signedOn").lte(to);
        if (networkId != null) {
            criteria.and("state.networkId").is(networkId);
        }
        return agreements.find(Query.query(criteria)).stream().map(Versioned::state)
                .filter(a -> a.endedOn() == null || !a.endedOn().isBefore(from)).toList();
    }

    /** The agreement holding a certificate or partial-attestation code. */
    public Optional<Agreement> agreementWithCode(String code) {
        Query query = Query.query(new Criteria().orOperator(
                Criteria.where("state.certificate.verificationCode").is(code),
                Criteria.where("state.competencies.verificationCode").is(code))).limit(1);
        return agreements.find(query).stream().map(Versioned::state).findFirst();
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

    private static Change<Agreement> written(Agreement.AgreementChange change) {
        return Change.of(change.agreement(), change.events());
    }
}
