package qc.esac.membership.organization;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.Versioned;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registers, updates, closes and finds organizations. */
@Service
public class OrganizationService {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Organizations organizations;
    private final Clock clock;
    private final ApplicationEventPublisher localEvents;

    OrganizationService(Organizations organizations, Clock clock, ApplicationEventPublisher localEvents) {
        this.organizations = organizations;
        this.clock = clock;
        this.localEvents = localEvents;
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
        try {
            return organizations.insert(Organization.register(id, valid, today()));
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
                    current -> current.changeProfile(valid));
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
                current -> user.requireOrganization(current.id()), current -> current.close(closedOn, why));
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
        return organizations.closedIds();
    }

    /** The organizations with these ids (unknown ids are left out). */
    public List<Versioned<Organization>> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : organizations.findAll(ids);
    }

    /**
     * Organizations matching the criteria, by name. Staff and partners search every organization (partners
     * see public fields, the controller's business); an administrator only the organizations in the token.
     */
    public PageView<Versioned<Organization>> search(SearchCriteria criteria, int page, int size, EsacUser user) {
        if (user.isStaff() || user.isPartner()) {
            return organizations.search(criteria, null, page, size);
        }
        if (!user.isOrgAdmin()) {
            throw new ForbiddenException("acces.refuse");
        }
        return organizations.search(criteria, user.administeredOrganizationIds(), page, size);
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

    /** The outcome of a registration under a chosen id: the organization, and whether this call created it. */
    public record Registration(Versioned<Organization> organization, boolean created) {
    }

    /** Search filters; null means "any". */
    public record SearchCriteria(String name, String regionCode, String sectorCode, String legalForm,
                                 boolean includeClosed) {
    }
}
