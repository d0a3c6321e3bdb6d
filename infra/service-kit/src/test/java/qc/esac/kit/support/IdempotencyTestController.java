package qc.esac.kit.support;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.VersionHeaders;

/** Creating endpoints that count how often they really run, for the Idempotency-Key tests. */
@RestController
public class IdempotencyTestController {

    /** How long the slow endpoint waits for the test to let it go before giving up. */
    static final Duration SLOW_LIMIT = Duration.ofSeconds(20);

    public final AtomicInteger creations = new AtomicInteger();
    public final AtomicInteger refusals = new AtomicInteger();
    public final AtomicInteger failures = new AtomicInteger();
    public volatile CountDownLatch slowEntered = new CountDownLatch(1);
    public volatile CountDownLatch slowRelease = new CountDownLatch(1);

    public record CreateProject(@NotBlank String name) {
    }

    public record Project(String id, String name, String owner) {
    }

    @PostMapping(path = "/test/idem/projects", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Project> create(@Valid @RequestBody CreateProject request, EsacUser user) {
        String id = "p-" + creations.incrementAndGet();
        return ResponseEntity.created(URI.create("/test/idem/projects/" + id)).eTag(VersionHeaders.etag(1))
                .body(new Project(id, request.name(), user.id()));
    }

    /** Answers from another thread (Spring MVC async): the key completes on the async dispatch. */
    @PostMapping(path = "/test/idem/async", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Callable<ResponseEntity<Project>> createLater(@Valid @RequestBody CreateProject request) {
        return () -> {
            String id = "a-" + creations.incrementAndGet();
            return ResponseEntity.created(URI.create("/test/idem/projects/" + id))
                    .body(new Project(id, request.name(), null));
        };
    }

    /** Refused by a business rule: a client error, recorded and replayed. */
    @PostMapping("/test/idem/refused")
    public void refused() {
        refusals.incrementAndGet();
        throw new BusinessRuleException("session.complete");
    }

    /** Fails unexpectedly the first {@code failTimes} calls, then creates. */
    @PostMapping("/test/idem/flaky")
    public ResponseEntity<Project> flaky(@RequestParam String name, @RequestParam int failTimes) {
        if (failures.incrementAndGet() <= failTimes) {
            throw new IllegalStateException("store hiccup");
        }
        return ResponseEntity.status(201).body(new Project("f-" + failures.get(), name, null));
    }

    /** Holds the request until the test releases it, to observe a key while it is in flight. */
    @PostMapping("/test/idem/slow")
    public ResponseEntity<Project> slow(@RequestBody CreateProject request) throws InterruptedException {
        slowEntered.countDown();
        if (!slowRelease.await(SLOW_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("never released");
        }
        return ResponseEntity.status(201).body(new Project("s-" + creations.incrementAndGet(), request.name(), null));
    }
}
