package qc.esac.membership.network;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Networks and their membership rules. A network's id is its short code ({@code csmo-esac}), chosen at
 * creation, stable, and what the events carry; only the network's own staff define or change it.
 */
@Service
public class NetworkService {

    static final String COLLECTION = "networks";

    private final AggregateStore<Network> networks;
    private final ApplicationEventPublisher localEvents;

    NetworkService(AggregateStores stores, ApplicationEventPublisher localEvents) {
        this.networks = stores.forCollection(COLLECTION, Network.class);
        this.localEvents = localEvents;
    }

    public Versioned<Network> create(Network network, EsacUser user) {
        requireStaffOf(network.id(), user);
        validate(network);
        try {
            // Networks publish no public event (none in the contract): consumers know them by id from config.
            return networks.insert(network.id(), network, List.of());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("reseau.existant", network.id());
        }
    }

    public Versioned<Network> update(String id, long expectedVersion, Network network, EsacUser user) {
        requireStaffOf(id, user);
        Versioned<Network> current = get(id);
        if (current.version() != expectedVersion) {
            throw VersionHeaders.conflict(expectedVersion, current.version());
        }
        Network changed = new Network(id, network.name(), network.fiscalYearEndMonth(), network.fiscalYearEndDay(),
                network.renewalWindowDays(), network.graceDays(), network.categories());
        validate(changed);
        Versioned<Network> saved = networks.update(id, expectedVersion, changed, List.of());
        if (!changed.statusRules().equals(current.state().statusRules())) {
            localEvents.publishEvent(new NetworkRulesChanged(id));
        }
        return saved;
    }

    public Versioned<Network> get(String id) {
        return networks.find(id).orElseThrow(() -> new NotFoundException("reseau.introuvable", id));
    }

    public PageView<Versioned<Network>> list(int page, int size) {
        Query query = new Query();
        long total = networks.count(query);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new PageView<>(networks.find(query), page, size, total, (int) ((total + size - 1) / size));
    }

    /** Staff manage only the networks their token names. */
    public static void requireStaffOf(String networkId, EsacUser user) {
        if (!user.isStaffOf(networkId)) {
            throw new ForbiddenException("acces.reseau-refuse", networkId);
        }
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
