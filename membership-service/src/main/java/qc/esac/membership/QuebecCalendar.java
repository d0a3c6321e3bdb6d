package qc.esac.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Membership dates are Quebec calendar days: "today" is the day in Montreal, whatever the server's zone. */
public final class QuebecCalendar {

    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    private QuebecCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
