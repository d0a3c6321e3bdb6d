package qc.esac.insurance;

import org.springframework.stereotype.Component;
import qc.esac.kit.time.QuebecTime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Plan dates are Quebec calendar days ({@link QuebecTime}), whatever the server's zone. */
@Component
public class InsuranceCalendar {

    public static final ZoneId ZONE = QuebecTime.ZONE;

    private final Clock clock;

    public InsuranceCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return QuebecTime.today(clock);
    }
}
