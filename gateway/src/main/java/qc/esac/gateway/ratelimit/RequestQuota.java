package qc.esac.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Where the buckets live: this instance's memory, or a store shared by every gateway instance. */
public interface RequestQuota {

    /** Takes one request from the caller's bucket for the group. */
    Mono<Decision> consume(String group, String caller);

    /**
     * @param remaining requests left right now (-1 when unknown)
     * @param retryAfter when refused: how long until a request would be accepted
     */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }
}
