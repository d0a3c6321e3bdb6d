package qc.esac.kit.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by the duration written in a file (ISO-8601, e.g. {@code P400D}; no file or an
 * empty one: no shift). Only for test stacks whose processes must see days pass together (membership lapses,
 * insurance grace ends) without waiting for them: enabled by {@code esac.clock.offset-file}, never in production.
 * The offset may only grow, so that time never goes backwards for a running service.
 */
public final class ShiftedClock extends Clock {

    /** How long a read offset is trusted before the file is looked at again (clocks are read very often). */
    private static final Duration REFRESH = Duration.ofMillis(100);

    private final Path offsetFile;
    private final ZoneId zone;
    private final Clock system;
    private final long refreshNanos;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAt;
    private volatile boolean read;

    public ShiftedClock(Path offsetFile) {
        this(offsetFile, Clock.systemUTC(), ZoneOffset.UTC, REFRESH);
    }

    ShiftedClock(Path offsetFile, Clock system, ZoneId zone, Duration refresh) {
        this.offsetFile = offsetFile;
        this.refreshNanos = refresh.toNanos();
        this.system = system;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset());
    }

    /** The current shift (re-read from the file at most every 100 ms). */
    public Duration offset() {
        long now = System.nanoTime();
        if (!read || now - readAt >= refreshNanos) {
            Duration fromFile = readOffset();
            if (fromFile.compareTo(offset) > 0) {
                offset = fromFile;
            }
            readAt = now;
            read = true;
        }
        return offset;
    }

    private Duration readOffset() {
        try {
            String text = Files.readString(offsetFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException | RuntimeException e) {
            // Unreadable or not a duration: a clock must not fail; keep the offset known, read again next time.
            return offset;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new Zoned(this, newZone);
    }

    /** The same shifted instant seen in another zone (services ask for Quebec's calendar day). */
    private static final class Zoned extends Clock {
        private final ShiftedClock shifted;
        private final ZoneId zone;

        Zoned(ShiftedClock shifted, ZoneId zone) {
            this.shifted = shifted;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return shifted.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return shifted.withZone(newZone);
        }
    }
}
