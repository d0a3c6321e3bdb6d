package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/** An employer's participation is in force from {@code effectiveDate}. Subject: the organization id. */
public record ParticipationActivated(String organizationId, String networkId, String state, LocalDate effectiveDate)
        implements EventData {
}
