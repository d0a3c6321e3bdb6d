package qc.esac.insurance.plan;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;

import java.util.List;
import java.util.Optional;

/** The plan years collection, keyed by the year. */
@Component
class PlanYears {

    static final String COLLECTION = "plan_years";

    private static final String YEAR = "state.year";

    private final AggregateStore<PlanYear> store;

    PlanYears(AggregateStores stores) {
        this.store = stores.forCollection(COLLECTION, PlanYear.class);
    }

    Optional<Versioned<PlanYear>> find(int year) {
        return store.find(Integer.toString(year));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the year exists already */
    Versioned<PlanYear> insert(PlanYear plan) {
        return store.insert(Integer.toString(plan.year()), plan, List.of());
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when the year is no longer at that version */
    Versioned<PlanYear> replace(PlanYear plan, long expectedVersion) {
        return store.update(Integer.toString(plan.year()), expectedVersion, plan, List.of());
    }

    /** Every year, oldest first (a handful: one per year). */
    List<Versioned<PlanYear>> all() {
        return store.find(new Query().with(Sort.by(YEAR)));
    }
}
