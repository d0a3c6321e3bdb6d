package qc.esac.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway}: the gateway against the service directly, on an authenticated read
 * ({@code GET /api/membership/organizations/{id}}, staff token) and an anonymous one
 * ({@code GET /api/membership/reference/regions}): the highest rate of each (closed model), then the latency at
 * open-model rates up to that maximum (the latency-vs-rate curve, drawn in {@code latency-vs-rate.svg}), then the
 * comparisons of issue 12's targets, each on an idle stack ({@link Quiet}): the curves end in overloads whose
 * leftover work would be measured with them. Every path
 * (gateway and service, both endpoints) is warmed up first, in alternating rounds, so that no figure measures a
 * cold JIT: the services run C1 only and the gateway C2, sharing two cores, and a path's first tens of
 * seconds under load used to be several times slower than the rest (the first target always met a cold gateway).
 */
final class GatewayScenario implements Scenario {

    static final String CHART = "latency-vs-rate.svg";

    private record Target(String name, String colour, URI uri, boolean authenticated) {
    }

    /** Rounds of the warm-up: every target once per round, {@link Plan#warmUp()} in all for each. */
    static final int WARM_UP_ROUNDS = 3;

    /** Alternating runs of the gateway and the service in each comparison. */
    static final int PAIR_ROUNDS = 3;

    /**
     * The gateway against the service on one endpoint, in alternating runs: highest rates (closed model, each run
     * the closed length divided by the rounds), then both at half the gateway's highest rate (open model).
     */
    private static Map<String, Object> compare(Run run, Plan plan, Table table, String endpoint, Target gateway,
                                               Target direct) {
        int rounds = plan.smoke() ? 1 : PAIR_ROUNDS;
        Quiet.Wait idle = Quiet.await(run.stack, plan);
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Load.Request viaGateway = (i, at) -> run.api.get(gateway.uri(), gateway.authenticated());
        Load.Request toService = (i, at) -> run.api.get(direct.uri(), direct.authenticated());
        java.time.Duration closed = plan.gatewayClosedLength().dividedBy(rounds);
        List<Load.Result> gatewayMax = new ArrayList<>();
        List<Load.Result> directMax = new ArrayList<>();
        org.HdrHistogram.Histogram ignored = Latency.histogram();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 1) {
                directMax.add(ClosedLoad.run(plan.clients(), closed, toService));
            }
            gatewayMax.add(ClosedLoad.run(plan.clients(), closed, viaGateway));
            if (round % 2 == 0) {
                directMax.add(ClosedLoad.run(plan.clients(), closed, toService));
            }
        }
        double gatewayRate = Load.combined(gatewayMax, ignored).achievedRate();
        double directRate = Load.combined(directMax, ignored).achievedRate();
        double half = Math.max(1, Math.round(gatewayRate / 2));
        java.time.Duration open = plan.gatewayOpenLength().dividedBy(rounds);
        org.HdrHistogram.Histogram gatewayLatencies = Latency.histogram();
        org.HdrHistogram.Histogram directLatencies = Latency.histogram();
        List<Load.Result> gatewayOpen = new ArrayList<>();
        List<Load.Result> directOpen = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 1) {
                directOpen.add(OpenLoad.run(half, open, Api.TIMEOUT, toService, directLatencies));
            }
            gatewayOpen.add(OpenLoad.run(half, open, Api.TIMEOUT, viaGateway, gatewayLatencies));
            if (round % 2 == 0) {
                directOpen.add(OpenLoad.run(half, open, Api.TIMEOUT, toService, directLatencies));
            }
        }
        Load.Result gatewayAtHalf = Load.combined(gatewayOpen, gatewayLatencies);
        Load.Result directAtHalf = Load.combined(directOpen, directLatencies);
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double ratio = gatewayRate / directRate;
        double difference = gatewayAtHalf.latency().p99() - directAtHalf.latency().p99();
        table.row(endpoint, Format.rate(gatewayRate), Format.rate(directRate),
                String.format(java.util.Locale.ROOT, "%.2f", ratio), Format.rate(half),
                Format.ms(gatewayAtHalf.latency().p99()), Format.ms(directAtHalf.latency().p99()),
                Format.ms(difference), String.format(java.util.Locale.ROOT, "%.1f -> %.1f", loadBefore, loadAfter),
                idle.brief());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gatewayHighestRate", Format.round(gatewayRate));
        json.put("directHighestRate", Format.round(directRate));
        json.put("gatewayOverDirect", Format.round(ratio));
        json.put("rate", half);
        json.put("gatewayAtHalf", gatewayAtHalf.json());
        json.put("directAtHalf", directAtHalf.json());
        json.put("p99DifferenceMs", Format.round(difference));
        json.put("idleWaitSeconds", Format.round(idle.waited().toMillis() / 1000.0));
        json.put("idleBefore", idle.idle());
        json.put("loadAverageBefore", Format.round(loadBefore));
        json.put("loadAverageAfter", Format.round(loadAfter));
        return json;
    }

    /**
     * The order of the warm-up runs: every target in turn, {@code rounds} times, so that each path is exercised
     * again after the others (a JIT compiles what runs hot; what ran only first could be cold again in another
     * shape once the other paths shared its code).
     */
    static <T> List<T> warmUpOrder(List<T> targets, int rounds) {
        List<T> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            order.addAll(targets);
        }
        return order;
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public Map<String, Object> run(Run run, Report report) {
        Plan plan = run.plan;
        String id = run.api.register(run.membership()).join().id()
                .orElseThrow(() -> new IllegalStateException("Could not register the organization to read"));
        String organization = "/api/membership/organizations/" + id;
        String regions = "/api/membership/reference/regions";
        List<Target> targets = List.of(
                new Target("organization via gateway", "#d62728", run.gateway().resolve(organization), true),
                new Target("organization direct", "#1f77b4", run.membership().resolve(organization), true),
                new Target("regions via gateway", "#ff7f0e", run.gateway().resolve(regions), false),
                new Target("regions direct", "#2ca02c", run.membership().resolve(regions), false));

        java.util.Optional<java.nio.file.Path> wrk = Wrk.find();
        Table maxima = new Table("gateway: highest rate, " + plan.clients() + " closed-model connections, "
                + plan.gatewayClosedLength().toSeconds() + " s each" + (wrk.isPresent() ? "; wrk the same" : "")
                + " (the open-model rates below are fractions of the higher of the two)",
                "target", "requests/s", "errors", "latency", "wrk requests/s", "wrk errors");
        Table curve = new Table("gateway: latency at open-model rates (fractions of each target's highest rate, "
                + plan.gatewayOpenLength().toSeconds() + " s each; from the intended start)",
                "target", "offered/s", "achieved/s", "errors", "p50 ms", "p99 ms", "max ms", "generator lag ms");
        List<SvgChart.Series> series = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        Table warmUp = new Table("gateway: warm-up of every path before any measurement (" + plan.clients()
                + " closed-model connections, " + WARM_UP_ROUNDS + " rounds of "
                + plan.warmUp().dividedBy(WARM_UP_ROUNDS).toMillis() + " ms per target)",
                "target", "round", "requests/s", "errors", "latency");
        List<Object> warmUpJson = new ArrayList<>();
        Map<Target, Integer> rounds = new java.util.HashMap<>();
        for (Target target : warmUpOrder(targets, WARM_UP_ROUNDS)) {
            Load.Result warm = ClosedLoad.run(plan.clients(), plan.warmUp().dividedBy(WARM_UP_ROUNDS),
                    (i, at) -> run.api.get(target.uri(), target.authenticated()));
            int round = rounds.merge(target, 1, Integer::sum);
            warmUp.row(target.name(), Integer.toString(round), Format.rate(warm.achievedRate()), warm.errors(),
                    warm.latency().brief());
            Map<String, Object> point = new LinkedHashMap<>(warm.json());
            point.put("target", target.name());
            point.put("round", round);
            warmUpJson.add(point);
        }
        report.table(warmUp);
        json.put("warmUp", warmUpJson);
        for (Target target : targets) {
            Load.Request request = (i, at) -> run.api.get(target.uri(), target.authenticated());
            Quiet.await(run.stack, plan); // the previous target's curve ended in an overload
            Load.Result max = ClosedLoad.run(plan.clients(), plan.gatewayClosedLength(), request);
            java.util.Optional<Wrk.Result> byWrk = wrk.flatMap(path -> Wrk.run(path, target.uri(),
                    target.authenticated() ? run.stack.staffToken() : null, plan.clients(), plan.gatewayClosedLength()));
            maxima.row(target.name(), Format.rate(max.achievedRate()), max.errors(), max.latency().brief(),
                    byWrk.map(r -> Format.rate(r.requestsPerSecond())).orElse("-"),
                    byWrk.map(r -> Long.toString(r.non2xx() + r.socketErrors())).orElse("-"));
            double highest = Math.max(max.achievedRate(), byWrk.map(Wrk.Result::requestsPerSecond).orElse(0.0));
            List<SvgChart.Point> p99 = new ArrayList<>();
            List<SvgChart.Point> p50 = new ArrayList<>();
            List<Object> points = new ArrayList<>();
            for (double fraction : plan.gatewayFractions()) {
                double rate = Math.max(1, Math.round(highest * fraction));
                Load.Result open = OpenLoad.run(rate, plan.gatewayOpenLength(), Api.TIMEOUT, request);
                curve.row(target.name(), Format.rate(rate), Format.rate(open.achievedRate()), open.errors(),
                        Format.ms(open.latency().p50()), Format.ms(open.latency().p99()),
                        Format.ms(open.latency().max()), Format.ms(open.maxLagMs()));
                p99.add(new SvgChart.Point(rate, open.latency().p99()));
                p50.add(new SvgChart.Point(rate, open.latency().p50()));
                Map<String, Object> point = new LinkedHashMap<>(open.json());
                point.put("fractionOfMax", fraction);
                points.add(point);
            }
            series.add(new SvgChart.Series(target.name() + " p99", target.colour(), false, p99));
            series.add(new SvgChart.Series(target.name() + " p50", target.colour(), true, p50));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("uri", target.uri().getPath());
            figures.put("closedModelMax", max.json());
            byWrk.ifPresent(r -> figures.put("wrkMax", r.json()));
            figures.put("openModel", points);
            json.put(target.name(), figures);
        }
        report.table(maxima);
        report.table(curve);
        // The targets last: the gateway runs C2, which keeps compiling for minutes of load after the warm-up (measured
        // first, its p99 at half rate was 63 ms, and 16 ms at a higher rate in the curve minutes later); each
        // comparison waits for the stack to be idle, since the curves end in overloads that leave work behind.
        Table pairs = new Table("gateway vs direct, alternating runs (" + PAIR_ROUNDS + " of each) so that both "
                + "meet the same machine, once the stack is idle: highest rate (closed model), then latency at half the "
                + "gateway's highest rate (open model); issue 12's targets: ratio >= 0.6, p99 difference <= 3 ms",
                "endpoint", "gateway/s", "direct/s", "ratio", "at rate/s", "p99 gateway ms", "p99 direct ms",
                "difference ms", "load average", "idle after");
        Map<String, Object> pairsJson = new LinkedHashMap<>();
        pairsJson.put("organization", compare(run, plan, pairs, "organization", targets.get(0), targets.get(1)));
        pairsJson.put("regions", compare(run, plan, pairs, "regions", targets.get(2), targets.get(3)));
        json.put("gatewayVsDirect", pairsJson);
        report.table(pairs);
        report.chart(CHART, SvgChart.draw("Latency vs offered rate: gateway vs membership-service directly",
                (plan.smoke() ? "SMOKE RUN: checks the harness, not a measurement. " : "")
                        + "Open model, latency from the intended start; p99 solid, p50 dashed.\n"
                        + report.machineLine(),
                "offered rate (requests/s)", "latency (ms, log scale)", series));
        return json;
    }
}
