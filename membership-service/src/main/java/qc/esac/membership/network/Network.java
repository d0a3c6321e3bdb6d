package qc.esac.membership.network;

import qc.esac.events.membership.NetworkConfigured;
import qc.esac.kit.domain.Change;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A network that has members: a workforce committee, a group-insurance association, a federation. It defines
 * its categories with their fees, its fiscal year (membership periods follow it), the renewal window before
 * the period ends and the grace period after it.
 *
 * @param renewalWindowDays  days before the period's last day from which the renewal is due
 * @param graceDays          days after the period's last day before the membership lapses
 * @param graceKeepsServices whether a member in grace keeps member services (good standing: member prices, the
 *                           group plan); true unless the network decides otherwise (absent in older documents)
 * @param graceVotes         whether a member in grace votes at the general meeting; false unless the network
 *                           decides otherwise: the sources give the vote to members whose fee is paid
 */
public record Network(String id, String name, int fiscalYearEndMonth, int fiscalYearEndDay, int renewalWindowDays,
                      int graceDays, List<Category> categories, Boolean graceKeepsServices, Boolean graceVotes) {

    public static final boolean DEFAULT_GRACE_KEEPS_SERVICES = true;
    public static final boolean DEFAULT_GRACE_VOTES = false;

    public static final String RENEWAL_DUE = "RENEWAL_DUE";
    public static final String IN_GRACE = "IN_GRACE";
    public static final String LAPSED = "LAPSED";

    public Network {
        categories = categories == null ? List.of() : List.copyOf(categories);
        graceKeepsServices = graceKeepsServices == null ? DEFAULT_GRACE_KEEPS_SERVICES : graceKeepsServices;
        graceVotes = graceVotes == null ? DEFAULT_GRACE_VOTES : graceVotes;
    }

    /** A network with the default rights during grace (services kept, no vote). */
    public Network(String id, String name, int fiscalYearEndMonth, int fiscalYearEndDay, int renewalWindowDays,
                   int graceDays, List<Category> categories) {
        this(id, name, fiscalYearEndMonth, fiscalYearEndDay, renewalWindowDays, graceDays, categories, null, null);
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public MonthDay fiscalYearEnd() {
        return MonthDay.of(fiscalYearEndMonth, fiscalYearEndDay);
    }

    /**
     * The status rules, ordered by offset: renewal due from the window's start, grace from the day after the
     * period, lapsed the day after the grace.
     */
    public List<StatusRule> statusRules() {
        List<StatusRule> rules = graceDays == 0
                // Without grace the membership lapses the day after its period: no grace step that same day.
                ? List.of(new StatusRule(RENEWAL_DUE, -renewalWindowDays), new StatusRule(LAPSED, 1))
                : List.of(new StatusRule(RENEWAL_DUE, -renewalWindowDays), new StatusRule(IN_GRACE, 1),
                        new StatusRule(LAPSED, graceDays + 1));
        return rules.stream().sorted(Comparator.comparingInt(StatusRule::offsetDays)).toList();
    }

    /**
     * The period a membership starting {@code on} covers: to the end of the fiscal year, or of the next one when
     * {@code on} already falls in the renewal window (nobody pays for a few weeks then renews at once).
     */
    public LocalDate periodEndFor(LocalDate on) {
        LocalDate end = fiscalYearEndOnOrAfter(on);
        return on.isBefore(end.minusDays(renewalWindowDays)) ? end : fiscalYearEndOnOrAfter(end.plusDays(1));
    }

    /** Last day of the fiscal year that contains {@code date}. */
    public LocalDate fiscalYearEndOnOrAfter(LocalDate date) {
        LocalDate end = fiscalYearEnd().atYear(date.getYear());
        return end.isBefore(date) ? fiscalYearEnd().atYear(date.getYear() + 1) : end;
    }

    /** First day of the fiscal year that contains {@code date}. */
    public LocalDate fiscalYearStartOnOrBefore(LocalDate date) {
        return fiscalYearEndOnOrAfter(date).minusYears(1).plusDays(1);
    }

    /**
     * The fiscal year named by the calendar year it starts in (2025 is 2025-04-01 to 2026-03-31 for a March 31
     * year end; a December 31 year end gives the calendar year).
     */
    public LocalDate[] fiscalYear(int startYear) {
        LocalDate end = fiscalYearEndOnOrAfter(LocalDate.of(startYear, 1, 1));
        LocalDate start = end.minusYears(1).plusDays(1);
        if (start.getYear() < startYear) {
            start = end.plusDays(1);
            end = fiscalYearEndOnOrAfter(start);
        }
        return new LocalDate[] {start, end};
    }

    /** A new network: its configuration is published for the services that follow it. */
    Change<Network> created() {
        return Change.of(this, configured());
    }

    /**
     * This network redefined as {@code changed}: nothing to write when it is the same, and the configuration
     * published again only when what other services follow of it changed.
     */
    Change<Network> redefinedAs(Network changed) {
        if (equals(changed)) {
            return Change.unchanged();
        }
        NetworkConfigured configuration = changed.configured();
        return configuration.equals(configured()) ? Change.of(changed) : Change.of(changed, configuration);
    }

    /** What other services follow of a network (training takes its fiscal year), as published. */
    private NetworkConfigured configured() {
        return new NetworkConfigured(id, name, fiscalYearEndMonth, fiscalYearEndDay, graceKeepsServices, graceVotes);
    }
}
