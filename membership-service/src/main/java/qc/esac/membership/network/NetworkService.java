package qc.esac.membership.network;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Networks and their membership rules. A network's id is its short code ({@code csmo-esac}), chosen at
 * creation, stable, and what the events carry; only the network's own staff define or change it. Its
 * configuration is published ({@code network-configured}) at creation and whenever it changes.
 */
@Service
public class NetworkService {

    static final String COLLECTION = "networks";

    private final AggregateStore<Network> networks;
    private final ApplicationEventPublisher localEvents;

    NetworkService(AggregateStores stores, ApplicationEventPublisher localEvents) {
        this.networks = stores.forCollection(COLLECTION, Network.class, "reseau.introuvable");
        this.localEvents = localEvents;
    }

    public Versioned<Network> create(Network network, EsacUser user) {
        user.requireStaffOf(network.id());
        validate(network);
        try {
            Change<Network> created = network.created();
            return networks.insert(network.id(), created.state(), created.events());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("reseau.existant", network.id());
        }
    }

    /**
     * Replaces the network's definition. Its staff only, checked before its version; the configuration other
     * services follow (name, fiscal year, rights during grace) is published when it changed.
     */
    public Versioned<Network> update(String id, long expectedVersion, Network network, EsacUser user) {
        user.requireStaffOf(id);
        Network changed = new Network(id, network.name(), network.fiscalYearEndMonth(), network.fiscalYearEndDay(),
                network.renewalWindowDays(), network.graceDays(), network.categories(), network.graceKeepsServices(),
                network.graceVotes());
        validate(changed);
        Network[] before = new Network[1];
        Versioned<Network> saved = networks.change(id, expectedVersion, current -> user.requireStaffOf(current.id()),
                current -> {
                    before[0] = current;
                    return current.redefinedAs(changed);
                });
        if (before[0] != null && standingRulesChanged(before[0], changed)) {
            localEvents.publishEvent(new NetworkRulesChanged(id));
        }
        return saved;
    }

    public Versioned<Network> get(String id) {
        return networks.get(id);
    }

    public PageView<Versioned<Network>> list(int page, int size) {
        Query query = new Query();
        long total = networks.count(query);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new PageView<>(networks.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    /** What the memberships' next rule date and standing depend on. */
    private static boolean standingRulesChanged(Network before, Network after) {
        return !before.statusRules().equals(after.statusRules())
                || !before.graceKeepsServices().equals(after.graceKeepsServices())
                || !before.graceVotes().equals(after.graceVotes());
    }

    private static void validate(Network network) {
        List<FieldViolation> problems = new ArrayList<>();
        try {
            MonthDay end = MonthDay.of(network.fiscalYearEndMonth(), network.fiscalYearEndDay());
            if (end.equals(MonthDay.of(2, 29))) {
                problems.add(FieldViolation.of("fiscalYearEnd", "esac.validation.fin-exercice"));
            }
        } catch (DateTimeException e) {
            problems.add(FieldViolation.of("fiscalYearEnd", "esac.validation.fin-exercice"));
        }
        if (network.renewalWindowDays() + network.graceDays() > 330) {
            problems.add(FieldViolation.of("graceDays", "esac.validation.delais-trop-longs"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < network.categories().size(); i++) {
            if (!codes.add(network.categories().get(i).code())) {
                problems.add(FieldViolation.of("categories[" + i + "].code", "esac.validation.categorie-en-double",
                        network.categories().get(i).code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
