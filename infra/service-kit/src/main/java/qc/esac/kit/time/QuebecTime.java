package qc.esac.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The networks count days in Quebec's time, whatever the server's zone: a membership lapses, a session takes place,
 * a coverage ends on a Quebec calendar day. Defined once for every service. {@code America/Toronto} is the canonical
 * IANA zone of Quebec's Eastern time ({@code America/Montreal} is a link to it, same rules).
 */
public final class QuebecTime {

    /** The zone's id, for annotations ({@code @Scheduled(zone = QuebecTime.ZONE_ID)}). */
    public static final String ZONE_ID = "America/Toronto";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private QuebecTime() {
    }

    /** Today in Quebec by {@code clock} (a test clock shifted by {@link ShiftedClock} moves it too). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The Quebec calendar day of an instant (an event's time). */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
