package qc.esac.training.coaching;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.Decimals;
import qc.esac.training.FiscalYear;
import qc.esac.training.IdempotencyKeys;
import qc.esac.training.TrainingClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Coaching (accompaniment) hours: staff log them; totals per organization and per fiscal year. */
@Service
public class CoachingService {

    private final CoachingEntries entries;
    private final TrainingClock clock;

    CoachingService(CoachingEntries entries, TrainingClock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Logs hours; a retry with the same idempotency key returns the entry already logged. */
    public Versioned<CoachingEntry> log(EsacUser user, String networkId, String organizationId, LocalDate date,
                                        BigDecimal hours, String topic, String idempotencyKey) {
        user.requireStaffOf(networkId);
        if (date.isAfter(clock.today())) {
            throw new BusinessRuleException("accompagnement.date-future", date.toString());
        }
        String id = IdempotencyKeys.idFor(user, "coaching", idempotencyKey);
        try {
            return entries.insert(id, new CoachingEntry(id, networkId, organizationId, date, Decimals.tidy(hours),
                    topic.strip(), user.id(), clock.now()));
        } catch (DuplicateKeyException retried) {
            return entries.find(id).orElseThrow();
        }
    }

    /** An organization's entries as its administrator or the network's staff may see them, most recent first. */
    public List<CoachingEntry> ofOrganization(EsacUser user, String organizationId, LocalDate from, LocalDate to) {
        boolean admin = user.administers(organizationId);
        if (!admin && !user.isStaff()) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        return entries.ofOrganization(organizationId, from, to).stream().filter(e -> admin || user.isStaffOf(e.networkId())).toList();
    }

    /** A network's entries in [from, to]. */
    public List<CoachingEntry> ofNetwork(String networkId, LocalDate from, LocalDate to) {
        return entries.ofNetwork(networkId, from, to);
    }

    public static BigDecimal totalHours(List<CoachingEntry> entries) {
        return Decimals.tidy(entries.stream().map(CoachingEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Hours per fiscal year ("2025-2026", or "2025" for a calendar year), oldest first. */
    public static Map<String, BigDecimal> hoursPerFiscalYear(List<CoachingEntry> entries,
                                                             Function<CoachingEntry, FiscalYear> yearOf) {
        return entries.stream().collect(Collectors.groupingBy(e -> yearOf.apply(e).label(),
                TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), CoachingService::totalHours)));
    }

    /** Hours per organization, most coached first. */
    public static List<OrganizationHours> hoursPerOrganization(List<CoachingEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(CoachingEntry::organizationId)).entrySet().stream()
                .map(e -> new OrganizationHours(e.getKey(), totalHours(e.getValue()), e.getValue().size()))
                .sorted(Comparator.comparing(OrganizationHours::hours).reversed()
                        .thenComparing(OrganizationHours::organizationId))
                .toList();
    }

    public record OrganizationHours(String organizationId, BigDecimal hours, int entries) {
    }
}
