package qc.esac.kit.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftedClockTest {

    private static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void withoutAnOffsetFileItIsTheSystemClock() {
        ShiftedClock clock = new ShiftedClock(directory.resolve("absent"), FIXED, ZoneOffset.UTC, Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void movesForwardByTheDurationInTheFileAndSeesTheCalendarDayInAnyZone() throws Exception {
        Path file = directory.resolve("offset");
        Files.writeString(file, "P3D\n");
        ShiftedClock clock = new ShiftedClock(file, FIXED, ZoneOffset.UTC, Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(LocalDate.now(clock.withZone(ZoneId.of("America/Montreal")))).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void neverGoesBackwards() throws Exception {
        Path file = directory.resolve("offset");
        Files.writeString(file, "P10D");
        ShiftedClock clock = new ShiftedClock(file, FIXED, ZoneOffset.UTC, Duration.ZERO);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
        Files.writeString(file, "P2D");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
        Files.writeString(file, "P12D");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(12));
    }
}
