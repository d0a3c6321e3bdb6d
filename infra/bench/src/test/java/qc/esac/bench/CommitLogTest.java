package qc.esac.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class CommitLogTest {

    private final CommitLog log = new CommitLog();

    @Test
    void aRecordIsAppliedWhenTheFirstCommitPastItsOffsetIsRead() {
        CompletableFuture<Long> record41 = log.applied(0, 41);

        log.committed(0, 41, 1_000); // the group will read 41 next: not yet applied
        assertThat(record41).isNotDone();
        log.committed(0, 45, 2_000);

        assertThat(record41).isCompletedWithValue(2_000L);
    }

    @Test
    void aRecordAskedForAfterItsCommitGetsTheTimeOfThatFirstCommitNotOfALaterOne() {
        log.committed(0, 10, 1_000);
        log.committed(0, 20, 2_000);
        log.committed(0, 30, 3_000);

        assertThat(log.applied(0, 15)).isCompletedWithValue(2_000L);
        assertThat(log.applied(0, 9)).isCompletedWithValue(1_000L);
        assertThat(log.applied(0, 30)).isNotDone();
    }

    @Test
    void theSameOffsetCommittedAgainIsNotProgressAndPartitionsAreApart() {
        log.committed(0, 10, 1_000);
        log.committed(0, 10, 5_000);
        log.committed(1, 50, 6_000);

        assertThat(log.applied(0, 5)).isCompletedWithValue(1_000L);
        assertThat(log.applied(1, 5)).isCompletedWithValue(6_000L);
        CompletableFuture<Long> partitionTwo = log.applied(2, 0);
        log.committed(0, 100, 7_000);
        assertThat(partitionTwo).isNotDone();
    }
}
