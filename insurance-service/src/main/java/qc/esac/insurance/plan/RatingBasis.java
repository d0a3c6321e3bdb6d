package qc.esac.insurance.plan;

/** How a coverage's premium is computed. */
public enum RatingBasis {
    /** A monthly amount per insured, by tier (single, couple, family); health and dental coverages. */
    PER_INSURED_BY_TIER,
    /** A monthly rate per $1,000 of insurance, the amount being a multiple of the annual salary; life. */
    PER_THOUSAND_INSURED,
    /** A monthly rate in percent of the insured monthly salary; disability coverages. */
    PERCENT_OF_SALARY
}
