package qc.esac.projects.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spells during which a level fact held (a membership in good standing, a participation in the group plan),
 * oldest first. Kept whole so a period that ended before a lapse still counts the fact after a later
 * reinstatement. Starting a fact that already holds, or ending one that does not, changes nothing: the events
 * that report a status often repeat it (a renewal of a membership in good standing, a second lapse notice).
 *
 * @param spells at most the last one open ({@code until == null})
 */
record Spells(List<Spell> spells) {

    /** The fact held from {@code from} (inclusive) until {@code until} (exclusive; {@code null} while it holds). */
    record Spell(LocalDate from, LocalDate until) {

        boolean holdsOn(LocalDate day) {
            return !from.isAfter(day) && (until == null || until.isAfter(day));
        }
    }

    static final Spells NONE = new Spells(List.of());

    Spells {
        spells = List.copyOf(spells);
    }

    /** The fact holds from {@code from}: a new spell, unless one already holds then or is open anyway. */
    Spells begin(LocalDate from) {
        if (spells.stream().anyMatch(spell -> spell.holdsOn(from))) {
            return this;
        }
        List<Spell> next = new ArrayList<>(spells);
        Spell open = open();
        if (open != null) {
            // Open from a later date: the start was recorded after the fact, so the spell starts earlier.
            next.set(next.indexOf(open), new Spell(from, null));
        } else {
            next.add(new Spell(from, null));
        }
        next.sort(Comparator.comparing(Spell::from));
        return new Spells(next);
    }

    /** The fact no longer holds from {@code until}: closes the open spell; one that never held is dropped. */
    Spells end(LocalDate until) {
        Spell open = open();
        if (open == null) {
            return this;
        }
        List<Spell> next = new ArrayList<>(spells);
        if (until.isAfter(open.from())) {
            next.set(next.indexOf(open), new Spell(open.from(), until));
        } else {
            next.remove(open);
        }
        return new Spells(next);
    }

    private Spell open() {
        return spells.stream().filter(spell -> spell.until() == null).findFirst().orElse(null);
    }
}
