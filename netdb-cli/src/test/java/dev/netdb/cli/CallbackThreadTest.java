package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command's callback executor: one thread, tasks in hand-over order, no lost wake-up. */
class CallbackThreadTest {

  @ParameterizedTest(name = "{0} producers")
  @ValueSource(ints = {1, 2, 8})
  void runsEveryTaskOnceInEachProducersOrder(int producers) throws Exception {
    CallbackThread callbacks = new CallbackThread();
    int perProducer = 20_000;
    List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(producers * perProducer);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<Thread> started = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      started.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < perProducer; i++) {
          int n = i;
          callbacks.execute(() -> {
            seen.add(new int[] {producer, n});
            if (n == 0) {
              threads.add(Thread.currentThread().getName());
            }
            done.countDown();
          });
          if (i % 1000 == 0) {
            Thread.onSpinWait(); // lets the callback thread run dry and park now and then
          }
        }
      }));
    }
    for (Thread t : started) {
      t.join();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).hasSize(producers * perProducer);
    int[] next = new int[producers];
    synchronized (seen) {
      for (int[] s : seen) {
        assertThat(s[1]).isEqualTo(next[s[0]]++);
      }
    }
    assertThat(threads).containsOnly("netdb-callback");
  }

  @Test
  void wakesForATaskAfterParkingAndSurvivesAFailingTask() throws Exception {
    CallbackThread callbacks = new CallbackThread();
    for (int round = 0; round < 50; round++) {
      CountDownLatch ran = new CountDownLatch(1);
      if (round == 0) {
        callbacks.execute(() -> {
          throw new IllegalStateException("a failing callback (logged once by this test)");
        });
      }
      Thread.sleep(2); // the thread has run dry and parked
      callbacks.execute(ran::countDown);
      assertThat(ran.await(10, TimeUnit.SECONDS)).as("round %d", round).isTrue();
    }
  }
}
