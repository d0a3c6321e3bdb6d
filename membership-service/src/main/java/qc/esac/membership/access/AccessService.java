package qc.esac.membership.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import qc.esac.kit.access.Grant;
import qc.esac.kit.access.GrantSource;
import qc.esac.kit.access.GrantsChanged;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.network.NetworkService;
import qc.esac.membership.organization.OrganizationService;
import qc.esac.membership.roster.RosterService;

/**
 * The register of who may act for which organization or network: invitations, their acceptance, registrants'
 * pending administration, revocations. It is also this service's {@link GrantSource}: membership reads its own
 * register (one indexed query by account, kept briefly by the kit's {@code RecentGrants}), where the other
 * services keep a copy from the events. Every change of a person's grants is announced ({@link GrantsChanged}) once
 * stored, so that their next request reads the register again.
 */
@Service
public class AccessService implements GrantSource {

    static final String COLLECTION = "grants";

    private final AggregateStore<AccessGrant> grants;
    private final OrganizationService organizations;
    private final NetworkService networks;
    private final RosterService roster;
    private final Clock clock;
    private final Duration invitationLifetime;
    private final ApplicationEventPublisher changes;
    private final AdministrationLocks locks;

    AccessService(AggregateStores stores, MongoTemplate mongo, OrganizationService organizations,
                  NetworkService networks, RosterService roster, Clock clock,
                  @Value("${esac.membership.invitations.lifetime:P7D}") Duration invitationLifetime,
                  ApplicationEventPublisher changes, AdministrationLocks locks) {
        this.grants = stores.forCollection(COLLECTION, AccessGrant.class, "acces.droit-introuvable");
        this.organizations = organizations;
        this.networks = networks;
        this.roster = roster;
        this.clock = clock;
        this.invitationLifetime = invitationLifetime;
        this.changes = changes;
        this.locks = locks;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("state.userId", Sort.Direction.ASC).on("state.status", Sort.Direction.ASC)
                .sparse().named("user"));
        indexes.createIndex(new Index().on("state.codeHash", Sort.Direction.ASC).unique().sparse().named("code"));
        indexes.createIndex(new Index().on("state.organizationId", Sort.Direction.ASC).named("organization"));
        indexes.createIndex(new Index().on("state.networkId", Sort.Direction.ASC).named("network"));
        indexes.createIndex(new Index().on("state.membershipId", Sort.Direction.ASC).sparse().named("membership"));
    }

    /** An open invitation and its code, which is shown this once. */
    public record Invited(Versioned<AccessGrant> grant, String code) {
    }

    /** What an invitation is for. */
    public record Invitation(GrantKind kind, String email, String organizationId, String networkId,
                             String employeeId) {
    }

    /**
     * Staff of a network invite its staff; staff and an organization's administrators invite the organization's
     * administrators, and link its roster's employees to their accounts.
     */
    public Invited invite(Invitation invitation, EsacUser user) {
        switch (invitation.kind()) {
            case STAFF -> {
                String networkId = required("networkId", invitation.networkId());
                user.requireStaffOf(networkId);
                networks.get(networkId);
            }
            case ORG_ADMIN -> requireOpenOrganization(required("organizationId", invitation.organizationId()), user);
            case EMPLOYEE -> {
                String organizationId = required("organizationId", invitation.organizationId());
                requireOpenOrganization(organizationId, user);
                var employee = roster.get(organizationId, required("employeeId", invitation.employeeId()), user);
                if (employee.state().departed()) {
                    throw new BusinessRuleException("employe.parti", employee.id(),
                            employee.state().endDate().toString());
                }
            }
            default -> throw new IllegalStateException("Unexpected kind " + invitation.kind());
        }
        Instant now = clock.instant();
        String code = InvitationCodes.newCode();
        AccessGrant grant = AccessGrant.invitation(UUID.randomUUID().toString(), invitation.kind(),
                invitation.kind() == GrantKind.STAFF ? null : invitation.organizationId(),
                invitation.kind() == GrantKind.STAFF ? invitation.networkId() : null,
                invitation.kind() == GrantKind.EMPLOYEE ? invitation.employeeId() : null, invitation.email(),
                InvitationCodes.hash(code), now.plus(invitationLifetime), user.id(), now);
        return new Invited(grants.insert(grant.id(), grant, List.of()), code);
    }

    /**
     * The signed-in person accepts an invitation with its code; {@code accountEmail} is their token's
     * {@code email}. An employee's acceptance also links their roster entry to the account.
     */
    public Versioned<AccessGrant> accept(String code, String accountEmail, EsacUser user) {
        String hash = InvitationCodes.hash(code);
        Versioned<AccessGrant> invitation = grants.find(Query.query(Criteria.where("state.codeHash").is(hash)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("invitation.introuvable"));
        Versioned<AccessGrant> accepted = grants.change(invitation.id(), null, g -> { },
                g -> g.accept(user.id(), accountEmail, clock.instant()));
        changes.publishEvent(new GrantsChanged(user.id()));
        if (accepted.state().kind() == GrantKind.EMPLOYEE) {
            roster.linkAccount(accepted.state().employeeId(), user.id());
        }
        return accepted;
    }

    /**
     * Ends a grant or withdraws an invitation: staff of the network for staff grants; staff, or the organization's
     * administrators, for an organization's. The last active administrator of an organization stays unless staff
     * end it.
     */
    public Versioned<AccessGrant> revoke(String id, EsacUser user) {
        AccessGrant found = grants.get(id).state();
        requireManager(found, user);
        // Counting the administrators and ending one is two documents: one such change per organization at a time.
        Versioned<AccessGrant> revoked = found.kind() == GrantKind.ORG_ADMIN && !user.isStaff()
                ? locks.holding(found.organizationId(), () -> end(id, user))
                : end(id, user);
        AccessGrant grant = revoked.state();
        changes.publishEvent(new GrantsChanged(grant.userId()));
        if (grant.kind() == GrantKind.EMPLOYEE && grant.status() == GrantStatus.REVOKED) {
            roster.unlinkAccount(grant.employeeId(), grant.userId());
        }
        return revoked;
    }

    private Versioned<AccessGrant> end(String id, EsacUser user) {
        return grants.change(id, null, g -> requireManager(g, user), g -> {
            if (g.kind() == GrantKind.ORG_ADMIN && g.active() && !user.isStaff()
                    && activeAdministrators(g.organizationId()) <= 1) {
                throw new BusinessRuleException("acces.dernier-administrateur", g.organizationId());
            }
            return g.revoke(user.id(), clock.instant());
        });
    }

    /** A registrant's application was approved: they administer the organization from now on. */
    public int approveRegistrantsOf(String membershipId, String approvedBy) {
        return forRegistrantsOf(membershipId, g -> g.approve(approvedBy, clock.instant()));
    }

    /** A registrant's application was rejected. */
    public int refuseRegistrantsOf(String membershipId, String refusedBy) {
        return forRegistrantsOf(membershipId, g -> g.refuse(refusedBy, clock.instant()));
    }

    private int forRegistrantsOf(String membershipId,
                                 java.util.function.Function<AccessGrant, Change<AccessGrant>> command) {
        List<Versioned<AccessGrant>> pending = grants.find(Query.query(Criteria.where("state.membershipId")
                .is(membershipId).and("state.status").is(GrantStatus.PENDING)));
        pending.forEach(g -> {
            grants.change(g.id(), null, current -> { }, command);
            changes.publishEvent(new GrantsChanged(g.state().userId()));
        });
        return pending.size();
    }

    /** A registrant's pending administration of the organization they registered. */
    Versioned<AccessGrant> recordRegistrant(String userId, String organizationId, String networkId,
                                            String membershipId) {
        AccessGrant grant = AccessGrant.registrant(UUID.randomUUID().toString(), userId, organizationId, networkId,
                membershipId, clock.instant());
        return grants.insert(grant.id(), grant, List.of());
    }

    /** The grants (and open invitations) of an organization, or the staff grants of a network. */
    public PageView<Versioned<AccessGrant>> list(String organizationId, String networkId, int page, int size,
                                                 EsacUser user) {
        Criteria criteria;
        if (organizationId != null) {
            user.requireOrganization(organizationId);
            criteria = Criteria.where("state.organizationId").is(organizationId);
        } else if (networkId != null) {
            user.requireStaffOf(networkId);
            criteria = Criteria.where("state.networkId").is(networkId).and("state.kind").is(GrantKind.STAFF);
        } else {
            throw InvalidInputException.of(FieldViolation.of("organizationId", "esac.validation.acces-portee"));
        }
        Query query = Query.query(criteria);
        long total = grants.count(query);
        query.with(Sort.by(Sort.Direction.DESC, "state.invitedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return new PageView<>(grants.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    /** The signed-in person's own grants, whatever their status. */
    public List<Versioned<AccessGrant>> mine(EsacUser user) {
        return grants.find(Query.query(Criteria.where("state.userId").is(user.id()))
                .with(Sort.by(Sort.Direction.DESC, "state.invitedAt")));
    }


    @Override
    public List<Grant> activeGrantsOf(String userId) {
        return grants.find(Query.query(Criteria.where("state.userId").is(userId)
                        .and("state.status").is(GrantStatus.ACTIVE))).stream()
                .map(Versioned::state)
                .map(g -> new Grant(g.id(), g.kind().role(), g.organizationId(),
                        g.kind() == GrantKind.STAFF ? g.networkId() : null, g.employeeId()))
                .toList();
    }

    private long activeAdministrators(String organizationId) {
        return grants.count(Query.query(Criteria.where("state.organizationId").is(organizationId)
                .and("state.kind").is(GrantKind.ORG_ADMIN).and("state.status").is(GrantStatus.ACTIVE)));
    }

    private static void requireManager(AccessGrant grant, EsacUser user) {
        if (grant.kind() == GrantKind.STAFF) {
            user.requireStaffOf(grant.networkId());
        } else {
            user.requireOrganization(grant.organizationId());
        }
    }

    private void requireOpenOrganization(String organizationId, EsacUser user) {
        user.requireOrganization(organizationId);
        if (organizations.get(organizationId).state().closed()) {
            throw new BusinessRuleException("organisation.fermee", organizationId);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(FieldViolation.of(field, "esac.validation.requis-pour-role"));
        }
        return value;
    }
}
