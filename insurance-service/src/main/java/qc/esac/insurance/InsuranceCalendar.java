package qc.esac.insurance;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Plan dates are Quebec calendar days, whatever the server's zone. */
@Component
public class InsuranceCalendar {

    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    private final Clock clock;

    public InsuranceCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
