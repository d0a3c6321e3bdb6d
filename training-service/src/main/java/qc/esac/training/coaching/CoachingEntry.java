package qc.esac.training.coaching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Accompaniment hours a network's staff member gave an organization on a day, on a topic. */
public record CoachingEntry(String id, String networkId, String organizationId, LocalDate date, BigDecimal hours,
                            String topic, String loggedBy, Instant loggedAt) {
}
