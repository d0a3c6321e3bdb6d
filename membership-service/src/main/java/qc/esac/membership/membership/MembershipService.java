package qc.esac.membership.membership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.QuebecCalendar;
import qc.esac.membership.network.Network;
import qc.esac.membership.network.NetworkService;
import qc.esac.membership.organization.Organization;
import qc.esac.membership.organization.OrganizationService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Memberships: applications, decisions, fees, renewals, the status rules, and who may do what. Each command
 * updates one membership document with its events in one conditional write (on the version read), so two
 * instances, or a user and the status job, never apply the same transition twice.
 */
@Service
public class MembershipService {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(MembershipService.class);
    private static final int JOB_BATCH = 200;

    private final Memberships memberships;
    private final NetworkService networks;
    private final OrganizationService organizations;
    private final Clock clock;
    private final ReasonText french;

    MembershipService(Memberships memberships, NetworkService networks, OrganizationService organizations,
                      Clock clock, MessageSource messages) {
        this.memberships = memberships;
        // The events' reasons are in French, the platform's language; people read them in theirs (the API's).
        this.french = (code, args) -> messages.getMessage(code, args.toArray(), Locale.FRENCH);
        this.networks = networks;
        this.organizations = organizations;
        this.clock = clock;
    }

    // --- Commands -------------------------------------------------------------------------------------------

    public Versioned<Membership> apply(String organizationId, String networkId, String category, EsacUser user) {
        user.requireOrganizationIn(organizationId, networkId);
        Versioned<Organization> organization = organizations.find(organizationId).orElseThrow(() ->
                InvalidInputException.of(FieldViolation.of("organizationId", "esac.validation.organisation-inconnue",
                        organizationId)));
        if (organization.state().closed()) {
            throw new BusinessRuleException("organisation.fermee", organizationId);
        }
        Network network = networks.get(networkId).state();
        Change<Membership> change = Membership.apply(UUID.randomUUID().toString(), organizationId, network, category,
                context(user));
        try {
            return memberships.insert(change);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("adhesion.existante", organizationId, networkId);
        }
    }

    public Versioned<Membership> approve(String id, long version, String reason, EsacUser user) {
        return asStaff(id, version, user, (m, n) -> m.approve(n, clean(reason), context(user)));
    }

    public Versioned<Membership> reject(String id, long version, String reason, EsacUser user) {
        return asStaff(id, version, user, (m, n) -> m.reject(clean(reason), context(user)));
    }

    public Versioned<Membership> recordFee(String id, long version, Membership.Payment payment, EsacUser user) {
        if (payment.paidOn().isAfter(today())) {
            throw InvalidInputException.of(FieldViolation.of("paidOn", "esac.validation.date-future"));
        }
        return asStaff(id, version, user, (m, n) -> m.recordFee(n, payment, context(user)));
    }

    public Versioned<Membership> renew(String id, long version, EsacUser user) {
        return asStaff(id, version, user, (m, n) -> m.renew(n, context(user)));
    }

    public Versioned<Membership> suspend(String id, long version, String reason, LocalDate effective, EsacUser user) {
        LocalDate on = effectiveDate(effective);
        return asStaff(id, version, user, (m, n) -> m.suspend(n, reason, on, context(user)));
    }

    public Versioned<Membership> reinstate(String id, long version, String reason, EsacUser user) {
        return asStaff(id, version, user, (m, n) -> m.reinstate(n, clean(reason), context(user)));
    }

    public Versioned<Membership> terminate(String id, long version, String reason, LocalDate effective,
                                           EsacUser user) {
        LocalDate on = effectiveDate(effective);
        return asStaff(id, version, user, (m, n) -> m.terminate(n, reason, on, context(user)));
    }

    /** The organization leaves the network: its administrator's decision, or recorded by the network's staff. */
    public Versioned<Membership> resign(String id, long version, String reason, LocalDate effective, EsacUser user) {
        LocalDate on = effectiveDate(effective);
        return change(id, version, m -> user.requireOrganizationIn(m.organizationId(), m.networkId()),
                (m, n) -> m.resign(n, reason, on, context(user)));
    }

    /** Ends every live membership of a closed organization, each in its own write. */
    public int terminateAllOf(String organizationId, LocalDate closedOn) {
        int ended = 0;
        for (Versioned<Membership> membership : memberships.ofOrganization(organizationId)) {
            if (membership.state().status().isFinal()) {
                continue;
            }
            try {
                save(membership, membership.state().terminateOnClosure(network(membership.state().networkId()),
                        closedOn, system()));
                ended++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Membership {} changed meanwhile; the status job ends it at its next run", membership.id());
            }
        }
        return ended;
    }

    /**
     * Catches up on closures whose memberships were not all ended right after (an instance stopped between the
     * organization's write and theirs): the status job runs this before the rules.
     */
    public int terminateMembershipsOfClosedOrganizations() {
        List<String> closed = organizations.closedIds();
        if (closed.isEmpty()) {
            return 0;
        }
        int ended = 0;
        for (String organizationId : memberships.liveOf(closed).stream().map(m -> m.state().organizationId())
                .distinct().toList()) {
            LocalDate closedOn = organizations.get(organizationId).state().closedOn();
            ended += terminateAllOf(organizationId, closedOn);
        }
        return ended;
    }

    // --- Status rules ---------------------------------------------------------------------------------------

    /**
     * After a network changed its rules, each of its current memberships gets its next rule date again (no event:
     * the standing has not changed yet; the job makes the transitions when they come due).
     */
    public int reschedule(String networkId) {
        Network network = network(networkId);
        int rescheduled = 0;
        for (Versioned<Membership> membership : allOf(networkId)) {
            Membership updated = membership.state().rescheduled(network);
            if (!updated.equals(membership.state())) {
                try {
                    save(membership, Change.of(updated));
                    rescheduled++;
                } catch (OptimisticLockingFailureException e) {
                    log.debug("Membership {} changed meanwhile; that change already used the new rules", membership.id());
                }
            }
        }
        return rescheduled;
    }

    /**
     * Applies the status rules to every membership with something due on {@code today}. Safe with several
     * instances: each write is conditional on the version read, the loser of a race skips the membership (its
     * transitions are already saved by the winner).
     *
     * @return the number of transitions made
     */
    public int evaluateDue(LocalDate today) {
        Map<String, Network> networkCache = new HashMap<>();
        Set<String> visited = new HashSet<>();
        int transitions = 0;
        while (true) {
            List<Versioned<Membership>> batch = memberships.due(today, visited, JOB_BATCH);
            if (batch.isEmpty()) {
                return transitions;
            }
            for (Versioned<Membership> membership : batch) {
                visited.add(membership.id());
                Network network = networkCache.computeIfAbsent(membership.state().networkId(),
                        networkId -> networks.get(networkId).state());
                Change<Membership> change = membership.state().evaluate(network,
                        new Membership.Context(today, clock.instant(), SYSTEM, french));
                try {
                    save(membership, change);
                    transitions += change.events().size();
                } catch (OptimisticLockingFailureException e) {
                    log.debug("Membership {} changed meanwhile; its status is evaluated at the next run",
                            membership.id());
                }
            }
        }
    }

    // --- Queries --------------------------------------------------------------------------------------------

    public Versioned<Membership> get(String id) {
        return memberships.get(id);
    }

    /** Whether the user sees the whole membership (staff of its network, administrators of its organization). */
    public static boolean seesEverything(Membership m, EsacUser user) {
        return user.isStaffOf(m.networkId()) || user.administers(m.organizationId());
    }

    /** Whether the user sees its public standing (partners, and the organization's employees). */
    public static boolean seesStanding(Membership m, EsacUser user) {
        return seesEverything(m, user) || user.isPartner()
                || (user.isEmployee() && user.organizationIds().contains(m.organizationId()));
    }

    public Versioned<Membership> read(String id, EsacUser user) {
        Versioned<Membership> membership = get(id);
        if (!seesStanding(membership.state(), user)) {
            throw new ForbiddenException("acces.refuse");
        }
        return membership;
    }

    /**
     * Memberships by network, organization, status or category. Staff see their networks', administrators and
     * employees their organizations', partners every membership's public standing.
     */
    public PageView<Versioned<Membership>> search(String networkId, String organizationId, MembershipStatus status,
                                                  String category, int page, int size, EsacUser user) {
        if (user.isPartner()) {
            return memberships.search(networkId, organizationId, status, category, null, null, page, size);
        }
        boolean staff = user.isStaff() && !user.networkIds().isEmpty();
        boolean organization = (user.isOrgAdmin() || user.isEmployee()) && !user.organizationIds().isEmpty();
        if (!staff && !organization) {
            throw new ForbiddenException("acces.refuse");
        }
        return memberships.search(networkId, organizationId, status, category, staff ? user.networkIds() : null,
                organization ? user.organizationIds() : null, page, size);
    }

    /** Every membership of a network (a network has hundreds, not millions): for lists and figures. */
    List<Versioned<Membership>> allOf(String networkId) {
        return memberships.ofNetwork(networkId);
    }

    Network network(String networkId) {
        return networks.get(networkId).state();
    }

    /** What the organization owes now (see {@link Membership#duesOn}); null when no fee is expected. */
    public Dues dues(Membership m) {
        return m.duesOn(network(m.networkId()), today()).orElse(null);
    }

    LocalDate today() {
        return QuebecCalendar.today(clock);
    }

    // --- Internals ------------------------------------------------------------------------------------------

    private interface Command {
        Change<Membership> on(Membership membership, Network network);
    }

    private Versioned<Membership> asStaff(String id, long version, EsacUser user, Command command) {
        return change(id, version, m -> user.requireStaffOf(m.networkId()), command);
    }

    /** The kit's one way to change an aggregate: 404, then {@code authorize}, then 412, then the command. */
    private Versioned<Membership> change(String id, long version, Consumer<Membership> authorize, Command command) {
        return memberships.change(id, version, authorize, m -> {
            Change<Membership> change = command.on(m, network(m.networkId()));
            return change.events().isEmpty() && m.equals(change.state()) ? Change.unchanged() : change;
        });
    }

    private Versioned<Membership> save(Versioned<Membership> current, Change<Membership> change) {
        if (change.events().isEmpty() && current.state().equals(change.state())) {
            return current;
        }
        return memberships.update(current, change);
    }

    private Membership.Context context(EsacUser user) {
        return new Membership.Context(today(), clock.instant(), user.id(), french);
    }

    private Membership.Context system() {
        return new Membership.Context(today(), clock.instant(), SYSTEM, french);
    }

    private LocalDate effectiveDate(LocalDate requested) {
        LocalDate today = today();
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw InvalidInputException.of(FieldViolation.of("effectiveDate", "esac.validation.date-future"));
        }
        return requested;
    }

    private static String clean(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
