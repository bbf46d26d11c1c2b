package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks the batching hand-off of DNS outcomes, with this test's thread as the I/O thread: one
 * turn's tasks run in order on one virtual thread; a task that blocks on one behind it in the
 * same batch does not deadlock (the check starts another runner); tasks handed over from another
 * thread, and everything left when the I/O thread stops, run at once; an executor marked {@link
 * CallbackExecutor#batching} gets the batches too, any other one task per outcome.
 */
class OutcomeHandoffTest {
  @Test
  void aTurnsTasksRunInOrderOnOneVirtualThread() throws Exception {
    OutcomeHandoff h = new OutcomeHandoff(CallbackExecutor.get(), Thread.currentThread());
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      int n = i;
      h.execute(() -> {
        order.add(n);
        threads.add(Thread.currentThread());
        done.countDown();
      });
    }
    assertThat(order).as("nothing runs before the turn ends").isEmpty();
    h.flush();
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(order).isSorted().hasSize(50);
    assertThat(threads).hasSize(1).allMatch(Thread::isVirtual);
  }

  @Test
  void anExecutorMarkedForBatchesGetsATurnAsOneTaskAndOthersOneTaskPerOutcome() throws Exception {
    java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Executor counting = t -> {
        tasks.incrementAndGet();
        single.execute(t);
      };
      java.util.concurrent.Executor marked = CallbackExecutor.batching(counting);
      try (DnsTransport plain = DnsTransport.start(16, 0, counting);
          DnsTransport batched = DnsTransport.start(16, 0, marked);
          DnsTransport byDefault = DnsTransport.start(16, 0, CallbackExecutor.get())) {
        assertThat(plain.callbacks()).isSameAs(counting);
        assertThat(batched.callbacks()).isInstanceOf(OutcomeHandoff.class);
        assertThat(byDefault.callbacks()).isInstanceOf(OutcomeHandoff.class);
      }
      OutcomeHandoff h = new OutcomeHandoff(counting, Thread.currentThread());
      CountDownLatch done = new CountDownLatch(10);
      for (int i = 0; i < 10; i++) h.execute(done::countDown);
      h.flush();
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(tasks.get()).as("one task for the turn").isEqualTo(1);
      marked.execute(done::countDown); // outside a client: straight to the executor
      assertThat(tasks.get()).isEqualTo(2);
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void aTaskThatBlocksOnOneBehindItInTheSameBatchGetsThere() throws Exception {
    OutcomeHandoff h = new OutcomeHandoff(CallbackExecutor.get(), Thread.currentThread());
    CountDownLatch second = new CountDownLatch(1);
    CountDownLatch both = new CountDownLatch(2);
    h.execute(() -> {
      try {
        second.await(); // as a callback joining another lookup's future would
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      both.countDown();
    });
    h.execute(() -> {
      second.countDown();
      both.countDown();
    });
    h.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (both.getCount() > 0 && System.nanoTime() < deadline) {
      assertThat(h.unfinished() || both.getCount() == 0).isTrue();
      h.check(System.nanoTime()); // the I/O thread's loop does this at least every CHECK_MILLIS
      Thread.sleep(OutcomeHandoff.CHECK_MILLIS);
    }
    assertThat(both.getCount()).isZero();
  }

  @Test
  void tasksFromOtherThreadsAndWhatIsLeftAtTheStopRunAtOnce() throws Exception {
    OutcomeHandoff h = new OutcomeHandoff(CallbackExecutor.get(), Thread.currentThread());
    CountDownLatch ran = new CountDownLatch(1);
    Thread.ofPlatform().start(() -> h.execute(ran::countDown)).join();
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

    CountDownLatch blockers = new CountDownLatch(1);
    CountDownLatch rest = new CountDownLatch(3);
    h.execute(() -> {
      try {
        blockers.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    h.execute(rest::countDown);
    h.execute(rest::countDown);
    h.flush();
    h.execute(rest::countDown); // of the turn in which the I/O thread stops
    h.stop();
    assertThat(rest.await(5, TimeUnit.SECONDS)).as("no check comes after the stop").isTrue();
    assertThat(h.unfinished()).isFalse();
    blockers.countDown();
  }
}
