package qc.esac.kit.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class QuebecTimeTest {

    @Test
    void theDayIsQuebecsNotTheServersNorUtcs() {
        // 02:30 UTC on January 16 is still the evening of January 15 in Quebec (UTC-5 in winter).
        Clock utc = Clock.fixed(Instant.parse("2027-01-16T02:30:00Z"), ZoneOffset.UTC);
        assertThat(QuebecTime.today(utc)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(QuebecTime.dayOf(Instant.parse("2027-07-01T03:59:00Z"))).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(QuebecTime.dayOf(Instant.parse("2027-07-01T04:00:00Z"))).isEqualTo(LocalDate.of(2027, 7, 1));
    }

    @Test
    void montrealIsTheSameTimeAsTheCanonicalZone() {
        Instant summer = Instant.parse("2027-07-01T12:00:00Z");
        Instant winter = Instant.parse("2027-01-01T12:00:00Z");
        ZoneId montreal = ZoneId.of("America/Montreal");
        assertThat(QuebecTime.ZONE.getRules().getOffset(summer)).isEqualTo(montreal.getRules().getOffset(summer));
        assertThat(QuebecTime.ZONE.getRules().getOffset(winter)).isEqualTo(montreal.getRules().getOffset(winter));
    }

    @Test
    void aShiftedTestClockMovesQuebecsDay(@TempDir Path dir) throws IOException {
        Path offset = dir.resolve("offset");
        Clock system = Clock.fixed(Instant.parse("2027-01-16T02:30:00Z"), ZoneOffset.UTC);
        Files.writeString(offset, "P400D");
        ShiftedClock clock = new ShiftedClock(offset, system, ZoneOffset.UTC, Duration.ZERO);

        assertThat(QuebecTime.today(clock)).isEqualTo(LocalDate.of(2027, 1, 15).plusDays(400));
    }
}
