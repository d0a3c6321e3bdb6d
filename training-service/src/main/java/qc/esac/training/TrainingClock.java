package qc.esac.training;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" as the networks count days: in Quebec's time zone, whatever the server's. */
@Component
public class TrainingClock {

    public static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

    private final Clock clock;

    TrainingClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(QUEBEC));
    }

    public Instant now() {
        return clock.instant();
    }
}
