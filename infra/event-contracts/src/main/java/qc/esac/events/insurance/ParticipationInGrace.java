package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/**
 * The employer's membership lapsed: coverage continues until {@code graceEndsOn}, then ends unless the
 * membership is reinstated. Subject: the organization id.
 */
public record ParticipationInGrace(String organizationId, String networkId, String state, LocalDate effectiveDate,
                                   LocalDate graceEndsOn) implements EventData {
}
