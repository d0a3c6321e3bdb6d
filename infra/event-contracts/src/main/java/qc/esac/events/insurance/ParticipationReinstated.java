package qc.esac.events.insurance;

import qc.esac.events.EventData;

import java.time.LocalDate;

/** The membership was restored within grace: coverage continues uninterrupted. Subject: the organization id. */
public record ParticipationReinstated(String organizationId, String networkId, String state, LocalDate effectiveDate)
        implements EventData {
}
