package qc.esac.membership.organization;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.events.EventData;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.PostalAddress;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.PreconditionRequiredException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.QuebecCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registers, updates, closes and finds organizations. */
@Service
public class OrganizationService {

    static final String COLLECTION = "organizations";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AggregateStore<Organization> organizations;
    private final Clock clock;
    private final ApplicationEventPublisher localEvents;

    OrganizationService(AggregateStores stores, MongoTemplate mongo, Clock clock,
                        ApplicationEventPublisher localEvents) {
        this.organizations = stores.forCollection(COLLECTION, Organization.class, "organisation.introuvable");
        this.clock = clock;
        this.localEvents = localEvents;
        var indexes = mongo.indexOps(COLLECTION);
        // The walking skeleton kept the NEQ at state.neq; its unique index would now see every new document as
        // a duplicate null. Stores created by it (local data) lose it here.
        indexes.getIndexInfo().stream()
                .filter(index -> index.getName().equals("neq") && index.isIndexForFields(List.of("state.neq")))
                .findFirst().ifPresent(index -> indexes.dropIndex(index.getName()));
        indexes.createIndex(new Index().on("state.profile.neq", Sort.Direction.ASC).unique().named("profileNeq"));
        indexes.createIndex(new Index().on("state.searchName", Sort.Direction.ASC).named("searchName"));
        indexes.createIndex(new Index().on("state.profile.regionCode", Sort.Direction.ASC).named("region"));
        indexes.createIndex(new Index().on("state.profile.sectorCodes", Sort.Direction.ASC).named("sectors"));
        indexes.createIndex(new Index().on("state.profile.legalForm", Sort.Direction.ASC).named("legalForm"));
    }

    public Versioned<Organization> register(OrganizationProfile profile, EsacUser user) {
        requireRegistrar(user);
        return insert(UUID.randomUUID().toString(), validated(profile));
    }

    /**
     * Registers the organization under an id the client chose (a UUID), so that a repeated load is harmless:
     * when an organization already has this id and the same profile, nothing is written and it is returned as
     * it is. Changing it takes an update with its version; an id already given to another organization (another
     * NEQ) is a conflict.
     */
    public Registration registerWithId(String id, OrganizationProfile profile, EsacUser user) {
        requireRegistrar(user);
        if (!isCanonicalUuid(id)) {
            throw InvalidInputException.of(FieldViolation.of("id", "esac.validation.identifiant-uuid", id));
        }
        OrganizationProfile valid = validated(profile);
        Optional<Versioned<Organization>> existing = find(id);
        if (existing.isEmpty()) {
            try {
                return new Registration(insert(id, valid), true);
            } catch (ConflictException neqTaken) {
                // Either the NEQ belongs to another organization, or a concurrent request took this id first.
                existing = find(id);
                if (existing.isEmpty()) {
                    throw neqTaken;
                }
            }
        }
        return new Registration(sameRegistration(existing.get(), valid, user), false);
    }

    private Versioned<Organization> sameRegistration(Versioned<Organization> current, OrganizationProfile valid,
                                                     EsacUser user) {
        user.requireOrganization(current.id());
        if (!current.state().profile().neq().equals(valid.neq())) {
            throw new ConflictException("organisation.identifiant-pris", current.id());
        }
        if (!valid.changedSince(current.state().profile()).isEmpty()) {
            // Same organization, other details: that is an update, which needs the version the client read.
            throw new PreconditionRequiredException("version.requise");
        }
        return current;
    }

    private static boolean isCanonicalUuid(String id) {
        return id != null && CANONICAL_UUID.matcher(id).matches();
    }

    private static void requireRegistrar(EsacUser user) {
        if (!user.isStaff() && !user.isOrgAdmin()) {
            throw new ForbiddenException("acces.refuse");
        }
    }

    private Versioned<Organization> insert(String id, OrganizationProfile valid) {
        Organization organization = Organization.register(id, valid, today());
        List<EventData> events = new ArrayList<>();
        events.add(registered(organization));
        if (valid.hasDetailsBeyondRegistration()) {
            // The registered event's shape is frozen; the full profile travels in an update right behind it.
            List<String> details = valid.changedSince(new OrganizationProfile(valid.legalName(), valid.neq(),
                    valid.legalForm(), valid.regionCode(), List.of(), valid.sectorCodes(), null, null, null, null,
                    null, null, "fr", valid.illustrative()));
            events.add(updated(organization, details));
        }
        try {
            return organizations.insert(organization.id(), organization, events);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("organisation.neq-existant", valid.neq());
        }
    }

    /** Changes the profile: the organization's administrators and staff, checked before its version. */
    public Versioned<Organization> update(String id, long expectedVersion, OrganizationProfile profile,
                                          EsacUser user) {
        user.requireOrganization(id);
        OrganizationProfile valid = validated(profile);
        try {
            return organizations.change(id, expectedVersion, current -> user.requireOrganization(current.id()),
                    current -> {
                        requireOpen(current);
                        List<String> changed = valid.changedSince(current.profile());
                        if (changed.isEmpty()) {
                            return Change.unchanged();
                        }
                        Organization changedOrganization = current.withProfile(valid);
                        return Change.of(changedOrganization, updated(changedOrganization, changed));
                    });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("organisation.neq-existant", valid.neq());
        }
    }

    public Versioned<Organization> close(String id, long expectedVersion, LocalDate closedOn, String reason,
                                         EsacUser user) {
        user.requireOrganization(id);
        if (closedOn.isAfter(today())) {
            throw InvalidInputException.of(FieldViolation.of("closedOn", "esac.validation.date-future"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Versioned<Organization> saved = organizations.change(id, expectedVersion,
                current -> user.requireOrganization(current.id()), current -> {
                    requireOpen(current);
                    Organization closed = current.close(closedOn, why);
                    return Change.of(closed, new OrganizationClosed(id, closed.profile().legalName(),
                            closed.profile().neq(), closedOn, why));
                });
        // Memberships are other aggregates: they end in their own writes, after this one is safe.
        localEvents.publishEvent(new OrganizationClosedNotice(id, closedOn));
        return saved;
    }

    public Versioned<Organization> get(String id) {
        return organizations.get(id);
    }

    public Optional<Versioned<Organization>> find(String id) {
        return organizations.find(id);
    }

    /** Ids of the closed organizations (a few per year: the status job checks their memberships ended). */
    public List<String> closedIds() {
        return organizations.find(new Query(Criteria.where("state.closedOn").ne(null))).stream()
                .map(Versioned::id).toList();
    }

    /** The organizations with these ids (unknown ids are left out). */
    public List<Versioned<Organization>> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : organizations.find(new Query(Criteria.where("_id").in(ids)));
    }

    /**
     * Organizations matching the criteria, by name. Staff and partners search every organization (partners
     * see public fields, the controller's business); an administrator only the organizations in the token.
     */
    public PageView<Versioned<Organization>> search(SearchCriteria criteria, int page, int size, EsacUser user) {
        Query query = new Query();
        if (criteria.name() != null && !criteria.name().isBlank()) {
            query.addCriteria(Criteria.where("state.searchName")
                    .regex(".*" + Pattern.quote(Organization.fold(criteria.name())) + ".*"));
        }
        if (criteria.regionCode() != null) {
            query.addCriteria(Criteria.where("state.profile.regionCode").is(criteria.regionCode()));
        }
        if (criteria.sectorCode() != null) {
            query.addCriteria(Criteria.where("state.profile.sectorCodes").is(criteria.sectorCode()));
        }
        if (criteria.legalForm() != null) {
            query.addCriteria(Criteria.where("state.profile.legalForm").is(criteria.legalForm()));
        }
        if (!criteria.includeClosed()) {
            query.addCriteria(Criteria.where("state.closedOn").is(null));
        }
        if (!user.isStaff() && !user.isPartner()) {
            if (!user.isOrgAdmin()) {
                throw new ForbiddenException("acces.refuse");
            }
            query.addCriteria(Criteria.where("_id").in(user.administeredOrganizationIds()));
        }
        long total = organizations.count(query);
        query.with(Sort.by("state.searchName", "_id")).skip((long) page * size).limit(size);
        List<Versioned<Organization>> items = organizations.find(query);
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private static void requireOpen(Organization organization) {
        if (organization.closed()) {
            throw new BusinessRuleException("organisation.fermee", organization.id());
        }
    }

    private OrganizationProfile validated(OrganizationProfile profile) {
        List<FieldViolation> problems = profile.violations(Year.from(today()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return profile.normalized();
    }

    private LocalDate today() {
        return QuebecCalendar.today(clock);
    }

    private static OrganizationRegistered registered(Organization organization) {
        OrganizationProfile p = organization.profile();
        return new OrganizationRegistered(organization.id(), p.legalName(), p.neq(), p.legalForm(), p.regionCode(),
                p.sectorCodes(), p.illustrative());
    }

    private static OrganizationUpdated updated(Organization organization, List<String> changed) {
        OrganizationProfile p = organization.profile();
        Address a = p.address();
        return new OrganizationUpdated(organization.id(), p.legalName(), p.neq(), p.legalForm(), p.regionCode(),
                p.regionsServed(), p.sectorCodes(), p.foundingYear(), p.fullTimeEmployees(), p.partTimeEmployees(),
                p.budgetBand(), p.supervisingMinistry(),
                a == null ? null : new PostalAddress(a.street(), a.city(), a.province(), a.postalCode()),
                p.preferredLanguage(), changed, p.illustrative());
    }

    /** The outcome of a registration under a chosen id: the organization, and whether this call created it. */
    public record Registration(Versioned<Organization> organization, boolean created) {
    }

    /** Search filters; null means "any". */
    public record SearchCriteria(String name, String regionCode, String sectorCode, String legalForm,
                                 boolean includeClosed) {
    }
}
