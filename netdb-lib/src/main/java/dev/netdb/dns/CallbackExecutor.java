package dev.netdb.dns;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Runs each task on a new virtual thread named {@code netdb-callback}: the default place where a
 * pure-Java resolver completes its futures, off the selector thread.
 *
 * <p>Why virtual threads: a task here is the rest of a lookup (decoding, the search list, the RFC
 * 3484 sort with its UDP-connect probe) and then the caller's own dependent stages, which may
 * block, for instance on another lookup of the same resolver. A bounded pool deadlocks once every
 * worker waits for a lookup whose completion is queued behind them; a virtual thread that blocks
 * only parks, so a blocking call inside a callback always returns. No thread exists while a lookup
 * waits for DNS (that wait is on the selector), and none outlives its task, so there is nothing
 * to shut down. A {@link DnsClient} on this executor hands it one turn's outcomes as one task
 * ({@link OutcomeHandoff}), which keeps this guarantee.
 */
public final class CallbackExecutor implements Executor {
  private static final CallbackExecutor INSTANCE = new CallbackExecutor();

  private CallbackExecutor() {}

  /** The thread factory, made on the first task: a back end that never completes a DNS future needs none. */
  private static final class Threads {
    static final ThreadFactory FACTORY = Thread.ofVirtual().name("netdb-callback").factory();
  }

  /** Returns the executor. */
  public static Executor get() {
    return INSTANCE;
  }

  /**
   * Returns {@code executor} marked for batches: a {@link DnsClient} created with it hands it the
   * outcomes of each turn of its I/O thread as one task ({@link OutcomeHandoff}), where another
   * executor gets one task per outcome; every other task goes to {@code executor} as it is. Meant
   * for an executor that runs one task at a time anyway (a single thread, whose callbacks do not
   * block): one wake-up per turn instead of one per outcome.
   */
  public static Executor batching(Executor executor) {
    return new Batching(java.util.Objects.requireNonNull(executor, "executor"));
  }

  /** An executor marked by {@link #batching}. */
  record Batching(Executor executor) implements Executor {
    @Override
    public void execute(Runnable task) {
      executor.execute(task);
    }
  }

  @Override
  public void execute(Runnable task) {
    Threads.FACTORY.newThread(task).start();
  }
}
