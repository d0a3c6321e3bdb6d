package qc.esac.fault;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady stream of commands through the gateway, as careful clients send them: each organization is
 * registered ({@code POST}, with an {@code Idempotency-Key}), then renamed ({@code PUT} with {@code If-Match} and
 * its own key). A call that gets no answer, a 5xx, a 429 or a 409 "in progress" is sent again with the same key
 * after the wait the answer asks for; any other answer is final. The registration and the rename are the
 * organization's two events, in this order: the read models must end with the second. Once renamed, an
 * organization may also send a command of each {@link CommandKind} that applies to it (a membership, a roster
 * change), whose steps {@link #send} sends the same way.
 */
final class Driver implements AutoCloseable {

    /** How long a client keeps retrying one command. */
    private static final long GIVE_UP_MILLIS = 240_000;
    private static final String GAVE_UP = "no final answer within";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Api api;
    private final URI gateway;
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private final AtomicLong neqs = new AtomicLong(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
    private final List<Flow> flows = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(24);
    private final List<CommandKind> kinds;
    private volatile boolean paused;

    Driver(Api api, URI gateway) {
        this(api, gateway, List.of());
    }

    /** {@code kinds}: what each organization may also send once registered and renamed. */
    Driver(Api api, URI gateway, List<CommandKind> kinds) {
        this.api = api;
        this.gateway = gateway;
        this.kinds = List.copyOf(kinds);
    }

    /**
     * One command of a {@link CommandKind} for one organization: its steps' keys, how many steps were accepted, the
     * identifier the first step answered, and whether a key failed to replay a first answer.
     */
    static final class Run {
        final String kind;
        final Map<String, String> keys = new ConcurrentHashMap<>();
        /** Facts the kind needs to find its effect again (e.g. the employee's work email). */
        final Map<String, String> facts = new ConcurrentHashMap<>();
        volatile String id;
        volatile int reached;
        volatile String refused;
        volatile boolean replayMissed;

        Run(String kind) {
            this.kind = kind;
        }

        String key(String step) {
            return keys.computeIfAbsent(step, s -> UUID.randomUUID().toString());
        }

        boolean gaveUp() {
            return refused != null && refused.contains(GAVE_UP);
        }
    }

    /** One organization's commands and what the client learned of them. */
    static final class Flow {
        final int n;
        final String name;
        final String neq;
        final String registerKey = UUID.randomUUID().toString();
        final String renameKey = UUID.randomUUID().toString();
        volatile String id;
        volatile boolean renamed;
        volatile boolean done;
        volatile String refused;
        /** A retried rename answered 412: its first attempt had been applied and the key did not replay it. */
        volatile boolean replayMissed;
        volatile int retries;
        /** The other kinds' commands of this organization, by kind name. */
        final Map<String, Run> runs = new ConcurrentHashMap<>();

        Flow(int n, String name, String neq) {
            this.n = n;
            this.name = name;
            this.neq = neq;
        }

        /** No final answer came within the client's patience. */
        boolean gaveUp() {
            return refused != null && refused.contains(GAVE_UP);
        }

        String finalName() {
            return renamed ? name + " v2" : name;
        }
    }

    /** Starts {@code rate} new organizations a second until {@link #stop}. */
    void start(double rate) {
        kinds.forEach(kind -> kind.prepare(this));
        long period = Math.max(1, Math.round(1_000_000 / rate));
        clock.scheduleAtFixedRate(() -> {
            if (paused) {
                return;
            }
            int n = flows.size() + 1;
            Flow flow = new Flow(n, namePrefix() + " " + String.format("%06d", n), Long.toString(neqs.incrementAndGet()));
            flows.add(flow);
            clients.submit(() -> drive(flow));
        }, 0, period, TimeUnit.MICROSECONDS);
    }

    /** While paused no new command starts; those under way go on (a fault that needs the consumers idle). */
    void pause(boolean pause) {
        paused = pause;
    }

    void stop() {
        clock.shutdownNow();
    }

    /** Waits until every started flow got its final answers (or gave up). */
    void awaitAnswers(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && flows.stream().anyMatch(f -> !f.done)) {
            Thread.sleep(200);
        }
    }

    private void drive(Flow flow) {
        try {
            register(flow);
            if (flow.id != null) {
                rename(flow);
            }
            if (flow.renamed) {
                for (CommandKind kind : kinds) {
                    if (kind.appliesTo(flow.n)) {
                        Run run = new Run(kind.name());
                        flow.runs.put(kind.name(), run);
                        try {
                            kind.drive(this, flow, run);
                        } catch (RuntimeException e) {
                            // An answer the kind could not read: the run stops where it was, and says why.
                            run.refused = "client error: " + e;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            flow.refused = flow.refused == null ? "client error: " + e : flow.refused;
        } finally {
            flow.done = true;
        }
    }

    private String profile(Flow flow, String name) {
        return """
                {"legalName": "%s", "neq": "%s", "legalForm": "OBNL", "regionCode": "06", "sectorCodes": []}"""
                .formatted(name, flow.neq);
    }

    private void register(Flow flow) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Api.Answer answer = call(() -> api.post(gateway.resolve("/api/membership/organizations"),
                    profile(flow, flow.name), Map.of("Idempotency-Key", flow.registerKey)));
            if (answer.status() == 201 || answer.status() == 200) {
                Matcher id = ID.matcher(answer.body());
                flow.id = id.find() ? id.group(1) : null;
                return;
            }
            if (!retry(flow, answer)) {
                flow.refused = "POST " + answer.status() + " " + abbreviate(answer.body());
                return;
            }
        }
        flow.refused = "POST: " + GAVE_UP + " " + GIVE_UP_MILLIS / 1000 + " s";
    }

    private void rename(Flow flow) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        boolean retried = false;
        while (System.currentTimeMillis() < deadline) {
            Api.Answer answer = call(() -> api.put(gateway.resolve("/api/membership/organizations/" + flow.id),
                    profile(flow, flow.name + " v2"), Map.of("Idempotency-Key", flow.renameKey, "If-Match", "\"1\"")));
            if (answer.status() == 200) {
                flow.renamed = true;
                return;
            }
            if (answer.status() == 412 && retried) {
                // Applied by an attempt whose answer was lost: the key should have replayed that answer.
                flow.renamed = true;
                flow.replayMissed = true;
                return;
            }
            if (!retry(flow, answer)) {
                flow.refused = "PUT " + answer.status() + " " + abbreviate(answer.body());
                return;
            }
            retried = true;
        }
        flow.refused = "PUT: " + GAVE_UP + " " + GIVE_UP_MILLIS / 1000 + " s";
    }

    /**
     * Sends one step of a kind's command until a final answer (retrying as {@link #register} does) and returns it;
     * {@code null} when no final answer came within the client's patience ({@code run.refused} says so). A
     * {@code 412} to a retry of a step sent with {@code If-Match} means its first attempt was applied but the key
     * did not replay its answer: {@code run.replayMissed} is set and the 412 returned.
     */
    Api.Answer send(Flow flow, Run run, String step, java.util.function.Supplier<Api.Answer> request) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        boolean retried = false;
        while (System.currentTimeMillis() < deadline) {
            Api.Answer answer = call(request);
            if (answer.status() == 412 && retried) {
                run.replayMissed = true;
                return answer;
            }
            if (!retry(flow, answer)) {
                if (answer.status() >= 300) {
                    run.refused = step + " " + answer.status() + " " + abbreviate(answer.body());
                }
                return answer;
            }
            retried = true;
        }
        run.refused = step + ": " + GAVE_UP + " " + GIVE_UP_MILLIS / 1000 + " s";
        return null;
    }

    Api api() {
        return api;
    }

    URI gateway(String path) {
        return gateway.resolve(path);
    }

    List<CommandKind> kinds() {
        return kinds;
    }

    private Api.Answer call(java.util.function.Supplier<Api.Answer> request) {
        sent.incrementAndGet();
        Api.Answer answer = request.get();
        statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    /** Whether to send again (after the wait asked for); false for a final answer. */
    private static boolean retry(Flow flow, Api.Answer answer) {
        int status = answer.status();
        boolean again = status == -1 || status == 409 || status == 429 || status >= 500;
        if (status == 409 && !answer.body().contains("requete-en-cours")) {
            again = false;
        }
        if (again) {
            flow.retries++;
            String retryAfter = answer.header("Retry-After");
            long wait = retryAfter != null && retryAfter.matches("\\d+") ? Math.min(5, Long.parseLong(retryAfter)) * 1000
                    : 500;
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return again;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** What every organization of this run is named after (unique to the run): "Faute 1x2y". */
    String namePrefix() {
        return "Faute " + run;
    }

    List<Flow> flows() {
        return flows;
    }

    long requestsSent() {
        return sent.get();
    }

    Map<Integer, AtomicLong> statuses() {
        return statuses;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        clients.shutdownNow();
    }
}
