package qc.esac.kit.messaging;

/**
 * Consumer settings for a listener that acts on a few types of a busy topic and skips the rest by their
 * {@code ce_type} header, and whose reader tolerates a fraction of a second more (e.g. the kit's grants read model,
 * which a request's grant cache already lets lag up to {@code esac.access.cache.ttl}, 1 s). Give them to
 * {@code @KafkaListener(properties = {SparseListener.FETCH_MIN_BYTES, SparseListener.FETCH_MAX_WAIT})}.
 * <p>
 * By default a consumer's fetch returns as soon as one record arrives, so a group that reads every event of the
 * topic pays a fetch, a poll and an offset commit for nearly each one, in its own JVM and in the broker. On the
 * membership topic, seven groups did so for every create; with every listener off, a create cost less than half the
 * CPU (issue 12, write path). With these settings the broker gathers records for up to {@code fetch.max.wait.ms}
 * ({@code esac.events.sparse-fetch-wait-ms}, 250) or 64 KiB, so such a group fetches and commits a few times a
 * second whatever the write rate: a record reaches it at most that much later, in the same order.
 */
public final class SparseListener {

    /** The broker answers a fetch once it has this much for the consumer (or the wait below has passed). */
    public static final String FETCH_MIN_BYTES = "fetch.min.bytes=65536";
    /** The longest the broker holds a fetch waiting for {@link #FETCH_MIN_BYTES}. */
    public static final String FETCH_MAX_WAIT = "fetch.max.wait.ms=${esac.events.sparse-fetch-wait-ms:250}";

    private SparseListener() {
    }
}
