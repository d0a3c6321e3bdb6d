package qc.esac.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launcher that dies without running its shutdown hooks (Kafka halting its JVM, a SIGKILL) takes its component
 * JVMs with it: before, the six components kept running, holding their ports.
 */
class ParentDeathTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @Test
    void componentJvmsDieWhenTheirLauncherIsKilled(@TempDir Path logs) throws Exception {
        Process launcher = new ProcessBuilder(JAVA, "-cp", CLASSPATH, Launcher.class.getName(), logs.toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> children = List.of();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertThat(line).as("the launcher's output").startsWith("children ");
            List<java.util.Optional<ProcessHandle>> found = java.util.Arrays.stream(
                    line.substring("children ".length()).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid))).toList();
            // The threads that started them have ended by now (the launcher said so): still running.
            assertThat(found).as("components once the threads that started them ended")
                    .allMatch(child -> child.map(ProcessHandle::isAlive).orElse(false));
            children = found.stream().map(java.util.Optional::orElseThrow).toList();

            launcher.destroyForcibly(); // SIGKILL: no shutdown hook, nothing of the launcher runs
            assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(children).as("component JVMs after their launcher was killed")
                    .noneMatch(ProcessHandle::isAlive);
        } finally {
            launcher.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Launcher-like: starts two component JVMs the way LocalStack does, each from a short-lived thread (LocalStack
     * starts components from pool threads), prints their pids once those threads ended, then waits to be killed.
     */
    public static final class Launcher {

        public static void main(String[] args) throws Exception {
            Path logs = Path.of(args[0]);
            long[] pids = new long[2];
            for (int i = 0; i < pids.length; i++) {
                int index = i;
                Thread starter = new Thread(() -> pids[index] = ManagedProcess.startCommand("component-" + index,
                        List.of(JAVA, "-cp", CLASSPATH, Component.class.getName()), 1,
                        Map.of(), logs.resolve("component-" + index + ".log")).pid());
                starter.start();
                starter.join();
            }
            Thread.sleep(500);
            System.out.println("children " + pids[0] + " " + pids[1]);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    /** A component: a JVM that runs until something stops it. */
    public static final class Component {

        public static void main(String[] args) throws Exception {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
