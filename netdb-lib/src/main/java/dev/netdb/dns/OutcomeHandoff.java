package dev.netdb.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the DNS outcomes that one turn of the I/O thread completes to the client's default
 * executor ({@link CallbackExecutor}) as one task, a batch, instead of one task each: a virtual
 * thread start, a scheduler hand-off and often a carrier's wake-up per outcome become one per
 * turn (a fifth of a fresh-port query's CPU in the bulk profile, {@code BENCHMARKS.md}). An
 * executor marked {@link CallbackExecutor#batching} (the command line's single callback thread)
 * gets the same: one wake-up per turn instead of one per outcome.
 *
 * <p>The callbacks may still block, as on a virtual thread each: a batch's runner takes the
 * outcomes in order, and when it has made no progress between two of the I/O thread's checks
 * (at most {@link #CHECK_MILLIS} apart while a batch is unfinished) and is parked, another runner
 * starts on the rest of the same batch. So a callback that waits for another lookup, even one
 * whose outcome is in the same batch behind it, never waits for ever; it only delays the
 * outcomes behind it by up to a check.
 *
 * <p>Threads: {@link #execute} batches the tasks the I/O thread hands over and passes others
 * straight on; {@link #flush} and {@link #check} run on the I/O thread only.
 */
final class OutcomeHandoff implements Executor {
  /** How often the I/O thread looks for a stuck batch while one is unfinished. */
  static final long CHECK_MILLIS = 10;

  private final Executor executor;
  private final Thread ioThread;
  /** Tasks of this turn; I/O thread only. */
  private List<Runnable> pending = new ArrayList<>();
  /** Batches handed over and not yet all taken; I/O thread only. */
  private final List<Batch> running = new ArrayList<>();
  private long lastCheck = System.nanoTime();

  OutcomeHandoff(Executor executor, Thread ioThread) {
    this.executor = executor;
    this.ioThread = ioThread;
  }

  @Override
  public void execute(Runnable task) {
    if (Thread.currentThread() == ioThread) pending.add(task); else executor.execute(task);
  }

  /** Hands this turn's tasks over as one batch (a single task alone, as it is). */
  void flush() {
    if (pending.isEmpty()) return;
    List<Runnable> tasks = pending;
    pending = new ArrayList<>();
    if (tasks.size() == 1) {
      executor.execute(tasks.getFirst());
      return;
    }
    Batch b = new Batch(tasks);
    running.add(b);
    executor.execute(b);
  }

  /** Reports whether a batch is unfinished, so the I/O thread must {@link #check} again soon. */
  boolean unfinished() {
    return !running.isEmpty();
  }

  /**
   * Starts another runner on each batch whose runner is parked and has taken nothing since the
   * last check, at most every {@link #CHECK_MILLIS}.
   */
  void check(long now) {
    if (running.isEmpty() || now - lastCheck < CHECK_MILLIS * 1_000_000) return;
    lastCheck = now;
    running.removeIf(Batch::taken);
    for (Batch b : running) {
      int at = b.next.get();
      Thread r = b.runner;
      if (at == b.seen && r != null && r.getState() != Thread.State.RUNNABLE) {
        executor.execute(b);
        b.seen = -1; // give the new runner a check's time
      } else {
        b.seen = at;
      }
    }
  }

  /**
   * Hands everything over as the I/O thread stops: this turn's tasks one by one, and to each
   * unfinished batch a runner for every task left, so none waits for a check that will not come.
   */
  void stop() {
    for (Runnable t : pending) executor.execute(t);
    pending = new ArrayList<>();
    running.removeIf(Batch::taken);
    for (Batch b : running) {
      for (int i = b.left(); i > 0; i--) executor.execute(b);
    }
    running.clear();
  }

  /** One turn's tasks, taken in order by one runner or, when that one blocks, by several. */
  private static final class Batch implements Runnable {
    private final List<Runnable> tasks;
    final AtomicInteger next = new AtomicInteger();
    /** The runner that took the latest task. */
    volatile Thread runner;
    /** The next index at the last check; I/O thread only. */
    int seen = -1;

    Batch(List<Runnable> tasks) {
      this.tasks = tasks;
    }

    boolean taken() {
      return next.get() >= tasks.size();
    }

    int left() {
      return Math.max(0, tasks.size() - next.get());
    }

    @Override
    public void run() {
      for (int i; (i = next.getAndIncrement()) < tasks.size(); ) {
        runner = Thread.currentThread();
        try {
          tasks.get(i).run();
        } catch (RuntimeException | Error e) {
          // A CompletableFuture's task reports its own failures; anything else goes where a
          // thread of its own would have sent it, and the batch goes on.
          Thread t = Thread.currentThread();
          t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
      }
    }
  }
}
