package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/** An employer applied to join the association's group plan. Subject: the organization id. */
public record ParticipationApplied(String organizationId, String networkId, String state, LocalDate effectiveDate)
        implements EventData {
}
