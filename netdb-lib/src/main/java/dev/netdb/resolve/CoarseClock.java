package dev.netdb.resolve;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps a reading of a monotonic clock that one daemon thread renews every tick, so that a hot path
 * can ask "is it before {@code t}?" with one volatile read instead of a clock read (a {@code
 * System.nanoTime()} costs 20 to 30 ns on a kvm-clock VM, as much as the cache hit it guards).
 *
 * <p>The reading lags the clock by at most one tick plus the thread's scheduling delay; callers
 * that must never be late subtract the tick from their deadlines ({@link #tickNanos()}). Until the
 * thread has run, after it has been idle, and after {@link #close()}, {@link #now()} is {@link
 * #STOPPED}, which is after every deadline: callers then take their exact path, and call {@link
 * #start()}.
 *
 * <p>No thread exists until the first {@link #start()}. The thread parks (and the reading becomes
 * {@link #STOPPED}) after {@code idleTicks} ticks without a {@code start()}, so an idle program
 * has no thread waking it; the next {@code start()} wakes it. Safe for concurrent use.
 */
public final class CoarseClock implements AutoCloseable {
  /** The reading when there is none: later than any deadline. */
  public static final long STOPPED = Long.MAX_VALUE;

  private final LongSupplier nanos;
  private final long tickNanos;
  private final int idleTicks;
  private final boolean threaded;
  /** Whether {@link #now()} reads {@code nanos} itself: no lag, no thread. */
  private final boolean direct;
  private volatile long now = STOPPED;
  private volatile long starts;
  private volatile boolean parked;
  private volatile boolean closed;
  private long seenStarts = -1;
  private int idle;
  private volatile Thread thread;

  private CoarseClock(LongSupplier nanos, Duration tick, int idleTicks, boolean threaded, boolean direct) {
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.tickNanos = tick.toNanos();
    if (tickNanos <= 0 || idleTicks < 1) {
      throw new IllegalArgumentException("tick and idle ticks must be positive");
    }
    this.idleTicks = idleTicks;
    this.threaded = threaded;
    this.direct = direct;
  }

  /**
   * Returns a clock over {@code nanos} renewed every {@code tick} by its own daemon thread,
   * started by the first {@link #start()}, parked after {@code idleTicks} ticks without one.
   */
  public static CoarseClock ticking(LongSupplier nanos, Duration tick, int idleTicks) {
    return new CoarseClock(nanos, tick, idleTicks, true, false);
  }

  /** Returns a clock without a thread, renewed only by calls of {@link #tick()} (for tests). */
  public static CoarseClock manual(LongSupplier nanos, Duration tick, int idleTicks) {
    return new CoarseClock(nanos, tick, idleTicks, false, false);
  }

  /**
   * Returns a clock that reads {@code nanos} on every {@link #now()} until closed, with no thread:
   * for a clock that its owner injected (a test's stepped clock), whose cost and steps are its own.
   */
  public static CoarseClock direct(LongSupplier nanos, Duration tick) {
    return new CoarseClock(nanos, tick, 1, false, true);
  }

  /** Returns the last reading, or {@link #STOPPED} when the clock is not running. */
  public long now() {
    return direct && !closed ? nanos.getAsLong() : now;
  }

  /** Returns the tick: how long a reading may lag the clock (besides the thread's scheduling). */
  public long tickNanos() {
    return tickNanos;
  }

  /**
   * Notes a use, starting the thread on the first call and waking it when it is parked. Cheap when
   * it runs: two volatile reads and a write.
   */
  public void start() {
    starts++; // racy increments may be lost; any change counts as a use
    if (closed) {
      return;
    }
    if (thread == null && threaded) {
      synchronized (this) {
        if (thread == null && !closed) {
          thread = Thread.ofPlatform().daemon().name("netdb-coarse-clock").unstarted(this::run);
          thread.start();
        }
      }
    } else if (parked) {
      parked = false;
      if (threaded) {
        LockSupport.unpark(thread);
      }
    }
  }

  /**
   * Renews the reading once (the thread's step; tests call it directly on a manual clock); after
   * {@code idleTicks} ticks without a {@link #start()} the reading becomes {@link #STOPPED} and
   * the clock is parked. Returns whether the clock still runs.
   */
  public boolean tick() {
    if (closed) {
      now = STOPPED;
      return false;
    }
    long s = starts;
    if (s != seenStarts) {
      seenStarts = s;
      idle = 0;
      parked = false;
    } else if (parked || ++idle >= idleTicks) {
      now = STOPPED; // first, so that a reader that sees the clock parked takes the exact path
      parked = true;
      if (starts == s) { // else a start() raced the park: it saw parked false, or will unpark
        return false;
      }
      parked = false;
      seenStarts = starts;
      idle = 0;
    }
    now = nanos.getAsLong();
    return true;
  }

  /** The thread: a tick, then a sleep of one tick, or a park while idle. */
  private void run() {
    while (!closed) {
      if (tick()) {
        LockSupport.parkNanos(this, tickNanos);
      } else {
        while (parked && !closed) {
          LockSupport.park(this);
        }
      }
    }
    now = STOPPED;
  }

  /** Reports whether the clock's thread is alive (false before the first start and after close). */
  public synchronized boolean threadAlive() {
    return thread != null && thread.isAlive();
  }

  /** Stops the clock for good: the reading becomes {@link #STOPPED} and the thread ends. */
  @Override
  public void close() {
    closed = true;
    now = STOPPED;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
      boolean interrupted = false;
      while (t.isAlive()) {
        try {
          t.join(1000);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
