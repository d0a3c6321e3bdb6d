package qc.esac.training;

import org.springframework.stereotype.Component;
import qc.esac.kit.time.QuebecTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" as the networks count days: in Quebec's time zone ({@link QuebecTime}), whatever the server's. */
@Component
public class TrainingClock {

    public static final ZoneId QUEBEC = QuebecTime.ZONE;

    private final Clock clock;

    TrainingClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return QuebecTime.today(clock);
    }

    public Instant now() {
        return clock.instant();
    }
}
