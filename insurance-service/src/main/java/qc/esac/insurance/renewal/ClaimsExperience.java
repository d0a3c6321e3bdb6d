package qc.esac.insurance.renewal;

import qc.esac.insurance.plan.CoverageCode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An employer's claims experience for one coverage and plan year, as the insurer reports it.
 *
 * @param id        {@code <organizationId>:<planYear>:<coverage>}: a new report for the same period replaces the old
 * @param lifeYears insured life-years of the period (an employee insured all year counts 1)
 * @param claims    claims paid
 * @param premiums  premiums paid
 */
public record ClaimsExperience(String id, String organizationId, int planYear, CoverageCode coverage,
                               BigDecimal lifeYears, BigDecimal claims, BigDecimal premiums, Instant reportedAt,
                               String reportedBy) {

    public static String idOf(String organizationId, int planYear, CoverageCode coverage) {
        return organizationId + ":" + planYear + ":" + coverage;
    }
}
