package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coarse clock of the Java face's front cache: its reading, its idle parking and waking, and
 * its thread's life (started by the first use, ended by close). The manual clock runs the thread's
 * step on the test's thread, so those cases are exact; the threaded ones wait with generous
 * bounds for a promptness property.
 */
class CoarseClockTest {
  final AtomicLong nanos = new AtomicLong(5_000);

  @Test
  void noReadingBeforeTheFirstStartOrTick() {
    CoarseClock c = CoarseClock.manual(nanos::get, Duration.ofMillis(10), 3);
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
    assertThat(c.tickNanos()).isEqualTo(10_000_000L);
    c.start();
    assertThat(c.now()).as("the reading comes with the first tick").isEqualTo(CoarseClock.STOPPED);
    assertThat(c.tick()).isTrue();
    assertThat(c.now()).isEqualTo(5_000);
  }

  @Test
  void eachTickTakesTheClocksReading() {
    CoarseClock c = CoarseClock.manual(nanos::get, Duration.ofMillis(10), 3);
    c.start();
    c.tick();
    nanos.set(7_000);
    assertThat(c.now()).as("lags until the next tick").isEqualTo(5_000);
    c.tick();
    assertThat(c.now()).isEqualTo(7_000);
  }

  /** Rows: idle ticks allowed, ticks run without a start, whether the clock still reads. */
  @ParameterizedTest(name = "idle {0}, {1} ticks without a start: running {2}")
  @CsvSource({
    "3, 1, true",
    "3, 2, true",
    "3, 3, false",
    "3, 9, false",
    "1, 1, false",
  })
  void parksAfterItsIdleTicksWithoutAStart(int idleTicks, int ticks, boolean running) {
    CoarseClock c = CoarseClock.manual(nanos::get, Duration.ofMillis(10), idleTicks);
    c.start();
    c.tick(); // sees the start
    boolean last = true;
    for (int i = 0; i < ticks; i++) {
      last = c.tick();
    }
    assertThat(last).isEqualTo(running);
    assertThat(c.now() != CoarseClock.STOPPED).isEqualTo(running);
  }

  @Test
  void aStartWakesAParkedClock() {
    CoarseClock c = CoarseClock.manual(nanos::get, Duration.ofMillis(10), 1);
    c.start();
    c.tick();
    assertThat(c.tick()).isFalse();
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
    nanos.set(9_000);
    c.start();
    assertThat(c.tick()).isTrue();
    assertThat(c.now()).isEqualTo(9_000);
  }

  @Test
  void closedMeansStoppedForGood() {
    CoarseClock c = CoarseClock.manual(nanos::get, Duration.ofMillis(10), 3);
    c.start();
    c.tick();
    c.close();
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
    c.start();
    assertThat(c.tick()).isFalse();
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
  }

  @Test
  void theDirectClockReadsItsSourceUntilClosed() {
    CoarseClock c = CoarseClock.direct(nanos::get, Duration.ofMillis(10));
    assertThat(c.now()).isEqualTo(5_000);
    nanos.set(6_000);
    assertThat(c.now()).isEqualTo(6_000);
    c.start();
    assertThat(c.threadAlive()).isFalse();
    c.close();
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> CoarseClock.manual(nanos::get, Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoarseClock.manual(nanos::get, Duration.ofMillis(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theThreadStartsWithTheFirstStartFollowsTheClockAndEndsWithClose() throws Exception {
    CoarseClock c = CoarseClock.ticking(System::nanoTime, Duration.ofMillis(1), 10_000);
    assertThat(c.threadAlive()).as("no thread before the first use").isFalse();
    c.start();
    assertThat(c.threadAlive()).isTrue();
    long t0 = System.nanoTime();
    assertThat(waitFor(() -> c.now() != CoarseClock.STOPPED && c.now() >= t0)).as("a reading after the start").isTrue();
    c.close();
    assertThat(c.threadAlive()).as("close ends the thread").isFalse();
    assertThat(c.now()).isEqualTo(CoarseClock.STOPPED);
  }

  @Test
  void theThreadParksWhenIdleAndAStartWakesIt() throws Exception {
    CoarseClock c = CoarseClock.ticking(System::nanoTime, Duration.ofMillis(1), 5);
    try {
      assertThat(waitFor(() -> {
        c.start();
        return c.now() != CoarseClock.STOPPED;
      })).as("running").isTrue();
      assertThat(waitFor(() -> c.now() == CoarseClock.STOPPED)).as("parked after 5 idle ticks").isTrue();
      assertThat(c.threadAlive()).as("parked, not ended").isTrue();
      long t0 = System.nanoTime();
      // Each poll is a use, as each lookup that reaches the answer cache is (else it parks again
      // 5 ms later, maybe between two polls).
      assertThat(waitFor(() -> {
        c.start();
        return c.now() != CoarseClock.STOPPED && c.now() >= t0;
      })).as("woken").isTrue();
    } finally {
      c.close();
    }
    assertThat(c.threadAlive()).isFalse();
  }

  /** Waits up to 5 s (a generous bound for a thread that ticks every millisecond) for {@code done}. */
  static boolean waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(1);
    }
    return done.getAsBoolean();
  }
}
