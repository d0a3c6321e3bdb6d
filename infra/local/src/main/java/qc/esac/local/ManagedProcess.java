package qc.esac.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A platform component run the way it runs in production: its own JVM from its executable jar, configured
 * by environment variables, its output in a log file. Used by the local stack and by the end-to-end suite.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    /**
     * util-linux's {@code setpriv}: {@code --pdeathsig KILL} makes the kernel kill the component when the process
     * that started it dies, however it dies (a launcher halted by Kafka skips its shutdown hooks; a SIGKILL runs
     * nothing), then execs the command in the same process (same pid: stop, kill and memory work unchanged).
     * Absent (not Linux): components outlive a crashed launcher, as before.
     */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /**
     * The thread every component is started from. Linux sends the parent-death signal when the <em>thread</em>
     * that started the child ends, not only the process: starting from a pool's thread that later retires would
     * kill a running component. This one lives as long as the JVM (a single-thread executor keeps its thread;
     * tasks go through submit, so an exception does not replace it).
     */
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "managed-process-starter");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ManagedProcess(String name, Process process, URI baseUri, Path log) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * Starts {@code jar} with {@code jvmOptions} and {@code environment} (added to this process's own), listening
     * on {@code port} of the loopback interface; its output goes to {@code log}. Call {@link #awaitReady} next.
     */
    public static ManagedProcess start(String name, Path jar, int port, List<String> jvmOptions,
                                       Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar at " + jar + ": build it first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return startCommand(name, command, port, environment, log);
    }

    /**
     * Starts {@code command} (a component that is not one of ours, such as Keycloak), otherwise as
     * {@link #start}: listening on {@code port} of the loopback interface, output in {@code log}.
     */
    public static ManagedProcess startCommand(String name, List<String> command, int port,
                                              Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            // Appended: a component started again (the fault suite) keeps the log of the run that crashed.
            ProcessBuilder builder = new ProcessBuilder(diesWithThisProcess(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, startFromStarterThread(builder), URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    private static List<String> diesWithThisProcess(List<String> command) {
        if (!Files.isExecutable(SETPRIV)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Process startFromStarterThread(ProcessBuilder builder) throws IOException {
        try {
            return STARTER.submit(builder::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + builder.command(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    /**
     * Waits until {@code readinessPath} answers 200 (for a service, its readiness includes broker and store).
     *
     * @throws IllegalStateException if the process exits or is not ready in time; the message names its log
     */
    public ManagedProcess awaitReady(String readinessPath, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(uri(readinessPath)).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident memory of the process in KiB, or -1 where unknown. */
    public long residentKib() {
        return ProcessMemory.residentKib(process.pid());
    }

    /** SIGKILL: the process ends at once, as in a crash; returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to stop (SIGTERM: Spring's graceful shutdown), and kills it if it does not in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
