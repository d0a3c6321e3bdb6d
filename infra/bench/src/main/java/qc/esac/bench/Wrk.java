package qc.esac.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian package {@code wrk}), when installed: a second closed-model measurement of the highest rate, by a
 * generator written in C, to tell the target's limit from the Java generator's. Its latencies are not used
 * (closed model: they hide queueing).
 */
final class Wrk {

    /** What wrk reported. */
    record Result(double requestsPerSecond, long non2xx, long socketErrors) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requestsPerSecond", Format.round(requestsPerSecond));
            json.put("non2xx", non2xx);
            json.put("socketErrors", socketErrors);
            return json;
        }
    }

    private Wrk() {
    }

    /** The wrk executable on the PATH, if any. */
    static Optional<Path> find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<Result> run(Path wrk, URI uri, String bearerToken, int connections, Duration length) {
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + Math.min(2, connections),
                "-c" + connections, "-d" + Math.max(1, length.toSeconds()) + "s", "--timeout", "30s"));
        if (bearerToken != null) {
            command.add("-H");
            command.add("Authorization: Bearer " + bearerToken);
        }
        command.add(uri.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.err.println("wrk failed: " + output);
                return Optional.empty();
            }
            return parse(output);
        } catch (IOException e) {
            System.err.println("wrk failed: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Result> parse(String output) {
        Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
        if (!rate.find()) {
            return Optional.empty();
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(output);
        Matcher socket = Pattern.compile(
                "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return Optional.of(new Result(Double.parseDouble(rate.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors));
    }
}
