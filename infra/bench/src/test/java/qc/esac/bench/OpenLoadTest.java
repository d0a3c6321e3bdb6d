package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoadTest {

    @Test
    void startsEveryRequestOnScheduleWithoutWaitingForAnswers() {
        // A target that answers nothing until every request has been sent: a closed model would send one and wait.
        List<CompletableFuture<Integer>> held = new CopyOnWriteArrayList<>();
        Load.Request request = (index, intended) -> {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            held.add(answer);
            if (index == 19) {
                held.forEach(a -> a.complete(200));
            }
            return answer;
        };

        Load.Result result = OpenLoad.run(100, Duration.ofMillis(200), Duration.ofSeconds(5), request);

        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.ok()).isEqualTo(20);
        // The first request waited for the whole schedule (19 periods of 10 ms) before its answer: counted.
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(190.0);
        assertThat(result.offeredRate()).isEqualTo(100.0);
    }

    @Test
    void countsTheTimeARequestShouldHaveBeenWaitingWhenTheGeneratorIsLate() {
        // The generator stalls for 300 ms on the first request (a pause of its JVM): the requests due meanwhile
        // go out late, and their latency counts from when they were due, not from when they were sent.
        Load.Request request = (index, intended) -> {
            if (index == 0) {
                Pause.millis(300);
            }
            return CompletableFuture.completedFuture(200);
        };

        Load.Result result = OpenLoad.run(100, Duration.ofMillis(500), Duration.ofSeconds(5), request);

        assertThat(result.sent()).isEqualTo(50);
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(280.0);
        assertThat(result.latency().p50()).isGreaterThan(0.0);
        assertThat(result.maxLagMs()).isGreaterThanOrEqualTo(280.0);
    }

    @Test
    void aRequestStillUnansweredAfterThePatienceCountsAsNoAnswerWithItsWaitSoFar() {
        Load.Request request = (index, intended) -> index == 0 ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(index == 1 ? 503 : 200);

        Load.Result result = OpenLoad.run(50, Duration.ofMillis(100), Duration.ofMillis(200), request);

        assertThat(result.sent()).isEqualTo(5);
        assertThat(result.ok()).isEqualTo(3);
        assertThat(result.statuses()).containsEntry(-1, 1L).containsEntry(503, 1L);
        assertThat(result.errors()).isEqualTo(2);
        assertThat(result.latency().count()).isEqualTo(5);
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(200.0);
    }

    @Test
    void aClosedModelSendsTheNextRequestOnlyAfterTheAnswer() {
        List<Long> inFlight = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        Load.Request request = (index, intended) -> {
            inFlight.add((long) open.incrementAndGet());
            Pause.millis(5);
            open.decrementAndGet();
            return CompletableFuture.completedFuture(200);
        };

        Load.Result result = ClosedLoad.run(2, Duration.ofMillis(200), request);

        assertThat(result.ok()).isEqualTo(result.sent()).isPositive();
        assertThat(inFlight).allMatch(n -> n <= 2);
        assertThat(result.offeredRate()).isNaN();
    }
}
