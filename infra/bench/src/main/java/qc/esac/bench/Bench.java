package qc.esac.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code infra/bench/run.sh [options]}: starts the whole local stack, runs the selected scenarios, prints a
 * table per scenario, and writes {@code latest.json} and {@code latency-vs-rate.svg}.
 */
public final class Bench {

    static final List<Scenario> SCENARIOS = List.of(new PublishScenario(), new EndToEndScenario(),
            new GatewayScenario(), new WritePathScenario(), new GrowthScenario());

    static final String USAGE = """
            Usage: infra/bench/run.sh [options]
              --smoke                   every scenario for a few seconds (CI); the numbers are not measurements
              --scenario <name>         run only this one (repeatable): %s
              --port-offset <n>         add n to every component's port (default 12000: gateway on 20080)
              --data-dir <path>         keep the broker's and the store's files there (default: a temporary directory)
              --out <dir>               where latest.json and the charts go
                                        (default infra/bench/results, infra/bench/results/smoke with --smoke)
              --clients <n>             closed-model callers (default 16)
              --warm-up <seconds>       each scenario's warm-up (default 15; with C2, see infra/bench/README.md, 120 or more)
              --write-path-seconds <s>  write-path: endpoint and raw inserts each this long in all (default 30)
              --rates <r1,r2...>        end-to-end: registrations per second (default 50,200)
              --growth <from>:<to>:<rate>  growth: organizations from, to, registrations per second (default 1000:20000:20)
              --env <NAME=value>        an environment variable for every component (repeatable), e.g. ESAC_OUTBOX_RELAY_INTERVAL=200ms
              --help                    this text"""
            .formatted(SCENARIOS.stream().map(Scenario::name).collect(Collectors.joining(", ")));

    private Bench() {
    }

    /** The parsed command line. */
    record Options(Plan plan, List<Scenario> scenarios, int portOffset, Path dataDirectory, Path out,
                   Map<String, String> environment) {

        static Options parse(String[] args, Path root) {
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            boolean smoke = arguments.remove("--smoke");
            Plan plan = smoke ? Plan.quick() : Plan.complete();
            List<Scenario> scenarios = new ArrayList<>();
            int portOffset = 12_000;
            Path data = null;
            Path out = root.resolve(smoke ? "infra/bench/results/smoke" : "infra/bench/results");
            Map<String, String> environment = new LinkedHashMap<>();
            for (int i = 0; i < arguments.size(); i++) {
                String option = arguments.get(i);
                String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
                if (value == null) {
                    throw new IllegalArgumentException("Unknown option or missing value: " + option);
                }
                i++;
                switch (option) {
                    case "--scenario" -> scenarios.add(SCENARIOS.stream().filter(s -> s.name().equals(value))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException("No scenario " + value)));
                    case "--port-offset" -> portOffset = Integer.parseInt(value);
                    case "--data-dir" -> data = Path.of(value).toAbsolutePath();
                    case "--out" -> out = Path.of(value).toAbsolutePath();
                    case "--clients" -> plan = plan.withClients(Integer.parseInt(value));
                    case "--warm-up" -> plan = plan.withWarmUp(java.time.Duration.ofSeconds(Long.parseLong(value)));
                    case "--write-path-seconds" -> plan = plan.withWritePathLength(
                            java.time.Duration.ofSeconds(Long.parseLong(value)));
                    case "--rates" -> plan = plan.withEndToEndRates(Arrays.stream(value.split(","))
                            .map(String::trim).map(Double::valueOf).toList());
                    case "--growth" -> {
                        String[] parts = value.split(":");
                        if (parts.length != 3) {
                            throw new IllegalArgumentException("--growth takes from:to:rate, got " + value);
                        }
                        plan = plan.withGrowth(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                                Double.parseDouble(parts[2]));
                    }
                    case "--env" -> {
                        int equals = value.indexOf('=');
                        if (equals < 1) {
                            throw new IllegalArgumentException("--env takes NAME=value, got " + value);
                        }
                        environment.put(value.substring(0, equals), value.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + option);
                }
            }
            return new Options(plan, scenarios.isEmpty() ? SCENARIOS : List.copyOf(scenarios), portOffset, data, out,
                    environment);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Path root = Path.of(System.getenv().getOrDefault("ESAC_ROOT", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Report report = new Report("infra/bench/run.sh " + String.join(" ", args), options.plan().smoke());
        System.out.printf("Starting the local stack (ports +%d)...%n", options.portOffset());
        long begin = System.nanoTime();
        int failures = 0;
        try (BenchStack stack = BenchStack.start(root, options.portOffset(), options.dataDirectory(),
                options.environment()); Run run = new Run(stack, options.plan())) {
            double startSeconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("Stack ready in %.1f s, %d MiB resident; component logs in %s%n", startSeconds,
                    stack.residentMib().get("total"), stack.logs());
            report.note("stackStartSeconds", Format.round(startSeconds));
            report.note("stackResidentMibAtStart", stack.residentMib());
            report.note("environment", options.environment());
            for (Scenario scenario : options.scenarios()) {
                long started = System.nanoTime();
                System.out.printf("%n== %s ==%n", scenario.name());
                try {
                    Quiet.Wait idle = Quiet.await(stack, options.plan()); // what the previous scenario left is not this one's
                    Map<String, Object> figures = new LinkedHashMap<>(scenario.run(run, report));
                    figures.put("idleWaitSecondsBefore", Format.round(idle.waited().toMillis() / 1000.0));
                    figures.put("elapsedSeconds", Format.round((System.nanoTime() - started) / 1e9));
                    report.scenario(scenario.name(), figures);
                } catch (Exception | AssertionError e) {
                    failures++;
                    System.err.printf("Scenario %s failed: %s%n", scenario.name(), e);
                    e.printStackTrace();
                    report.scenario(scenario.name(), Map.of("failed", String.valueOf(e)));
                }
            }
            report.note("stackResidentMibAtEnd", stack.residentMib());
        }
        report.note("totalSeconds", Format.round((System.nanoTime() - begin) / 1e9));
        System.out.printf("%n==== Summary (%s) ====%s", options.plan().smoke()
                ? "smoke run: checks the harness, not a measurement" : "full run", report.summary());
        for (Path written : report.write(options.out())) {
            System.out.println("Wrote " + written);
        }
        System.out.printf("Done in %.0f s%n", (System.nanoTime() - begin) / 1e9);
        System.exit(failures == 0 ? 0 : 1);
    }

}
