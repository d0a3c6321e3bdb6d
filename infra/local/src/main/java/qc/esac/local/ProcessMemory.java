package qc.esac.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, read from {@code /proc} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The process's resident set size in KiB, or -1 where it cannot be read (not Linux, process gone). */
    public static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return -1;
        }
        return -1;
    }
}
