package qc.esac.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A consumer group's progress on a topic, as its offset commits were read: which commit first covered a record.
 * A committed offset is the next record the group will read, so a commit of {@code n} covers every record below
 * {@code n}.
 */
final class CommitLog {

    /** A commit that raised the committed offset, and when it was read. */
    private record Commit(long offset, long nanos) {
    }

    private final Map<Integer, List<Commit>> commits = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<CompletableFuture<Long>>>> waiting = new HashMap<>();

    synchronized void committed(int partition, long offset, long nanos) {
        List<Commit> history = commits.computeIfAbsent(partition, p -> new ArrayList<>());
        if (!history.isEmpty() && history.get(history.size() - 1).offset() >= offset) {
            return; // the same offset again (a periodic commit), not progress
        }
        history.add(new Commit(offset, nanos));
        var covered = waiting.getOrDefault(partition, new TreeMap<>()).headMap(offset, false);
        covered.values().forEach(futures -> futures.forEach(future -> future.complete(nanos)));
        covered.clear();
    }

    /** Completes with the read time of the first commit that covers {@code offset}: at once if one was read. */
    synchronized CompletableFuture<Long> applied(int partition, long offset) {
        List<Commit> history = commits.getOrDefault(partition, List.of());
        int low = 0;
        int high = history.size();
        while (low < high) { // the first commit above the record's offset
            int middle = (low + high) >>> 1;
            if (history.get(middle).offset() > offset) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        if (low < history.size()) {
            return CompletableFuture.completedFuture(history.get(low).nanos());
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        waiting.computeIfAbsent(partition, p -> new TreeMap<>()).computeIfAbsent(offset, o -> new ArrayList<>())
                .add(future);
        return future;
    }
}
