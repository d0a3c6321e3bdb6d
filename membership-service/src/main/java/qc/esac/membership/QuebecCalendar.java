package qc.esac.membership;

import qc.esac.kit.time.QuebecTime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Membership dates are Quebec calendar days: "today" is the day in Quebec ({@link QuebecTime}), whatever the server's zone. */
public final class QuebecCalendar {

    public static final ZoneId ZONE = QuebecTime.ZONE;

    private QuebecCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return QuebecTime.today(clock);
    }
}
