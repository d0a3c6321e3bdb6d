package qc.esac.projects.platform;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fact about an organization learned from a platform event, counted by the indicators bound to its source.
 *
 * @param key            identifies the fact within its source (an attestation id, an organization id...): the
 *                       same fact reported twice is stored once
 * @param organizationId the organization the fact is about (the employer, for an employee's attestation)
 * @param from           when it happened, or when it came into force
 * @param until          for a {@link PlatformSource.Measure#LEVEL} fact, the first day it no longer holds;
 *                       {@code null} while it still holds
 */
public record PlatformFact(PlatformSource source, String key, String organizationId, LocalDate from,
                           LocalDate until) {

    public PlatformFact {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(from, "from");
    }

    /** Whether this fact counts for a period [{@code start}, {@code end}] under its source's measure. */
    public boolean countsFor(LocalDate start, LocalDate end) {
        return switch (source.measure()) {
            case FLOW -> !from.isBefore(start) && !from.isAfter(end);
            case LEVEL -> !from.isAfter(end) && (until == null || until.isAfter(end));
        };
    }
}
