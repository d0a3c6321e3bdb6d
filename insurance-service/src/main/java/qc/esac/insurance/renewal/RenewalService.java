package qc.esac.insurance.renewal;

import org.springframework.stereotype.Service;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.participation.Participation;
import qc.esac.insurance.participation.ParticipationService;
import qc.esac.insurance.participation.ParticipationStatus;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanService;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.premium.CredibilityRating;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims experience per employer, and the renewal that turns it into each employer's rate for the next plan
 * year, published before the year starts.
 */
@Service
public class RenewalService {

    private final ClaimsExperiences experiences;
    private final ParticipationService participations;
    private final PlanService plans;
    private final InsuranceCalendar calendar;
    private final Clock clock;

    RenewalService(ClaimsExperiences experiences, ParticipationService participations, PlanService plans,
                   InsuranceCalendar calendar, Clock clock) {
        this.experiences = experiences;
        this.participations = participations;
        this.plans = plans;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Records (or replaces) the experience of one coverage and year. */
    public ClaimsExperience report(String organizationId, int planYear, CoverageCode coverage, BigDecimal lifeYears,
                                   BigDecimal claims, BigDecimal premiums, String reportedBy) {
        participations.get(organizationId);
        ClaimsExperience experience = new ClaimsExperience(ClaimsExperience.idOf(organizationId, planYear, coverage),
                organizationId, planYear, coverage, lifeYears, claims, premiums, clock.instant(), reportedBy);
        experiences.save(experience);
        return experience;
    }

    public List<ClaimsExperience> experienceOf(String organizationId) {
        return experiences.of(organizationId);
    }

    /** One employer's outcome of a renewal. */
    public record Outcome(String organizationId, BigDecimal previousFactor, BigDecimal credibility,
                          BigDecimal experienceFactor, BigDecimal factor, boolean capped, boolean alreadyRenewed) {
    }

    /**
     * Computes and publishes every participating employer's rate for {@code planYear}, which must exist and not
     * be in force yet. An employer already renewed for that year keeps its rate (the renewal may be run again).
     */
    public List<Outcome> renew(int planYear) {
        PlanYear plan = plans.get(planYear).state();
        LocalDate today = calendar.today();
        if (!today.isBefore(plan.effectiveDate())) {
            throw new BusinessRuleException("renouvellement.annee-commencee", planYear, plan.effectiveDate().toString());
        }
        CredibilityRating.Parameters parameters = new CredibilityRating.Parameters(plan.fullCredibilityLifeYears(),
                plan.maximumYearlyChange(), plan.targetLossRatio());
        List<Outcome> outcomes = new ArrayList<>();
        for (Versioned<Participation> p : participations.withStatus(ParticipationStatus.APPLIED, ParticipationStatus.ACTIVE,
                ParticipationStatus.IN_GRACE, ParticipationStatus.REINSTATED)) {
            Participation participation = p.state();
            BigDecimal previous = participation.rateFactor(planYear - 1);
            if (participation.hasRateFor(planYear)) {
                Participation.YearRate rate = participation.rates().get(Integer.toString(planYear));
                outcomes.add(new Outcome(p.id(), previous, rate.credibility(), null, rate.factor(), rate.capped(), true));
                continue;
            }
            CredibilityRating.Experience experience = experience(p.id(), planYear - plan.experienceYears(), planYear - 1);
            CredibilityRating.RenewedRate rate = CredibilityRating.renew(experience, previous, parameters);
            participations.recordRate(p.id(), planYear, plan.effectiveDate(),
                    new Participation.YearRate(rate.factor(), rate.credibility(), rate.capped(), today));
            outcomes.add(new Outcome(p.id(), previous, rate.credibility(), rate.experienceFactor(), rate.factor(),
                    rate.capped(), false));
        }
        return outcomes;
    }

    private CredibilityRating.Experience experience(String organizationId, int fromYear, int toYear) {
        // Life-years are per coverage reports of the same people: the period's exposure is the largest one.
        CredibilityRating.Experience total = CredibilityRating.Experience.NONE;
        for (int year = fromYear; year <= toYear; year++) {
            int y = year;
            List<ClaimsExperience> reports = experienceOf(organizationId).stream().filter(e -> e.planYear() == y).toList();
            BigDecimal lifeYears = reports.stream().map(ClaimsExperience::lifeYears).reduce(BigDecimal.ZERO, BigDecimal::max);
            BigDecimal claims = reports.stream().map(ClaimsExperience::claims).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal premiums = reports.stream().map(ClaimsExperience::premiums).reduce(BigDecimal.ZERO, BigDecimal::add);
            total = total.plus(new CredibilityRating.Experience(lifeYears, claims, premiums));
        }
        return total;
    }
}
