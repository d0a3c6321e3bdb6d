package qc.esac.gateway.edge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.DefaultEventLoop;

import org.junit.jupiter.api.Test;

import reactor.core.scheduler.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;

class CompleteOnConnectionEventLoopTest {

    @Test
    void onTheConnectionsLoopTheWorkGoesOnAtOnceAndFromElsewhereItMovesToTheLoop() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            Scheduler scheduler = CompleteOnConnectionEventLoop.onLoop(loop);
            List<String> order = new CopyOnWriteArrayList<>();
            loop.submit(() -> {
                scheduler.schedule(() -> order.add("scheduled work"));
                order.add("next statement");
            }).get(5, TimeUnit.SECONDS);
            // No hop through the loop's queue: the work ran before the caller's next statement.
            assertThat(order).containsExactly("scheduled work", "next statement");

            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            scheduler.schedule(() -> {
                ranOn.set(Thread.currentThread());
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
            assertThat(loop.inEventLoop(ranOn.get())).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
