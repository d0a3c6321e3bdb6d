package qc.esac.training.session;

import qc.esac.training.Decimals;
import qc.esac.training.catalogue.Uec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/** UEC ledgers: a person's attestations and their sum; an organization's people and theirs. */
public final class Ledger {

    private Ledger() {
    }

    /** One attestation as a ledger line. */
    public record Entry(String attestationId, String verificationCode, String sessionId, String courseId,
                        String courseTitle, String networkId, String organizationId, String personId,
                        String firstName, String lastName, BigDecimal hours, BigDecimal uec, LocalDate issuedOn) {
    }

    /** The totals of one person. */
    public record PersonTotal(String personId, String firstName, String lastName, int attestations,
                              BigDecimal hours, BigDecimal uec) {
    }

    /**
     * The attestations held in {@code sessions} whose registration matches, most recent first, with course titles
     * in the reader's language.
     */
    public static List<Entry> entries(List<Session> sessions, BiPredicate<Session, Registration> which,
                                      Locale locale) {
        List<Entry> entries = new ArrayList<>();
        for (Session s : sessions) {
            for (Registration r : s.registrations()) {
                Attestation a = r.attestation();
                if (a != null && which.test(s, r)) {
                    entries.add(new Entry(a.id(), a.verificationCode(), s.id(), s.courseId(), s.courseTitle(locale),
                            s.networkId(), r.organizationId(), r.participant().personId(),
                            r.participant().firstName(), r.participant().lastName(), a.hours(), a.uec(),
                            a.issuedOn()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::issuedOn).reversed().thenComparing(Entry::attestationId));
        return entries;
    }

    public static BigDecimal totalUec(List<Entry> entries) {
        return Uec.sum(entries.stream().map(Entry::uec).toList());
    }

    public static BigDecimal totalHours(List<Entry> entries) {
        return Decimals.tidy(entries.stream().map(Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Totals per person, by last then first name. */
    public static List<PersonTotal> perPerson(List<Entry> entries) {
        Map<String, List<Entry>> byPerson = new LinkedHashMap<>();
        entries.forEach(e -> byPerson.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e));
        return byPerson.values().stream().map(list -> {
            Entry first = list.get(0);
            return new PersonTotal(first.personId(), first.firstName(), first.lastName(), list.size(),
                    totalHours(list), totalUec(list));
        }).sorted(Comparator.comparing(PersonTotal::lastName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(PersonTotal::firstName, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
