package qc.esac.fault;

import java.util.List;

/**
 * How hard a run pushes: {@code --smoke} (CI: every fault once, the shortest sensible timings, low load, the
 * services killed together and started again in parallel), {@code --short} (one broker cycle, light load, each
 * service killed in turn) or {@code --long} (operators before a release: three broker cycles as the issue asks,
 * more load, longer outages).
 */
record Mode(String name, double rate, int brokerCycles, long outageMillis, int storePauseSeconds,
            int gatewayDownSeconds, long settleMillis, long warmupMillis, boolean servicesTogether,
            long replayWaitMillis) {

    static final Mode SMOKE = new Mode("smoke", 1, 1, 2_000, 10, 12, 120_000, 5_000, true, 8_000);
    static final Mode SHORT = new Mode("short", 2, 1, 4_000, 10, 15, 180_000, 10_000, false, 15_000);
    static final Mode LONG = new Mode("long", 10, 3, 10_000, 10, 30, 300_000, 10_000, false, 15_000);

    static final String USAGE = """
            Usage: infra/fault/run.sh [--smoke | --short | --long] [--port-offset <n>] [--build]
              --smoke            every fault once, shortest timings, 1 command/s, services killed together and
                                 started again in parallel (CI); report in infra/fault/results/smoke/
              --short            one broker cycle, 2 commands/s, each service killed in turn (the default)
              --long             three broker cycles then all at once, 10 commands/s, longer outages (operators)
              --port-offset <n>  add n to every component's port (default 13000: gateway on 21080)
              --build            build the jars first even when they look fresh
            Writes infra/fault/REPORT.md and infra/fault/results/latest.json (--smoke: under results/smoke/);
            exits 1 when a promise was broken.""";

    /** Whether the report goes beside the suite's README (a real run) or under results/smoke/ (not kept). */
    boolean smoke() {
        return this == SMOKE;
    }

    /** The mode and the port offset from the command line. */
    record Options(Mode mode, int portOffset) {
    }

    static Options parse(List<String> args) {
        Mode mode = SHORT;
        int offset = 13_000;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--smoke" -> mode = SMOKE;
                case "--short" -> mode = SHORT;
                case "--long" -> mode = LONG;
                case "--port-offset" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--port-offset needs a number");
                    }
                    try {
                        offset = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port-offset must be a number, got: " + args.get(i));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + args.get(i));
            }
        }
        return new Options(mode, offset);
    }
}
