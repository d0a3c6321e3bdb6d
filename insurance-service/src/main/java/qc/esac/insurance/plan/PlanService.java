package qc.esac.insurance.plan;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.web.VersionHeaders;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plan's versions by year: staff write a year before it is in force; everyone reads them. */
@Service
public class PlanService {

    private final PlanYears years;
    private final InsuranceCalendar calendar;

    PlanService(PlanYears years, InsuranceCalendar calendar) {
        this.years = years;
        this.calendar = calendar;
    }

    public Versioned<PlanYear> get(int year) {
        return years.find(year).orElseThrow(() -> new NotFoundException("regime.annee-introuvable", year));
    }

    public Optional<PlanYear> find(int year) {
        return years.find(year).map(Versioned::state);
    }

    /** The plan year in force on {@code date}: the latest one that started on or before it. */
    public Optional<PlanYear> inForceOn(LocalDate date) {
        return all().stream().map(Versioned::state)
                .filter(y -> !y.effectiveDate().isAfter(date))
                .reduce((first, second) -> second);
    }

    public PlanYear requireInForceOn(LocalDate date) {
        return inForceOn(date).orElseThrow(() -> new BusinessRuleException("regime.aucune-annee-en-vigueur", date.toString()));
    }

    /** Every year, oldest first (a handful: one per year). */
    public List<Versioned<PlanYear>> all() {
        return years.all();
    }

    /**
     * Creates a plan year ({@code expectedVersion} null) or replaces one not yet in force.
     *
     * @throws InvalidInputException when the year is invalid, or the path and body years differ
     */
    public Versioned<PlanYear> save(int year, PlanYear plan, Long expectedVersion) {
        if (plan.year() != year) {
            throw new InvalidInputException("regime.annee-differente", year, plan.year());
        }
        plan.validated();
        Optional<Versioned<PlanYear>> current = years.find(year);
        if (current.isEmpty()) {
            try {
                return years.insert(plan);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("regime.annee-existante", year);
            }
        }
        if (expectedVersion == null) {
            throw new ConflictException("regime.annee-existante", year);
        }
        if (!current.get().state().effectiveDate().isAfter(calendar.today())) {
            throw new BusinessRuleException("regime.annee-en-vigueur", year);
        }
        try {
            return years.replace(plan, expectedVersion);
        } catch (OptimisticLockingFailureException e) {
            throw VersionHeaders.conflict(expectedVersion, current.get().version());
        }
    }

}
