package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * An employer's rates for a new plan year, computed at renewal before {@code effectiveDate}. Subject: the
 * organization id.
 *
 * @param credibility Z given to the employer's own experience, decimal string in [0, 1]
 * @param rateFactor  the employer's rate relative to the pool's manual rates (1.0000 = pool), decimal string
 * @param capped      whether the cap on yearly change limited the new rate
 */
public record RatesRenewed(String organizationId, int planYear, LocalDate effectiveDate, String credibility,
                           String rateFactor, boolean capped) implements EventData {
}
