package dev.netdb;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connect's callbacks (attempt reports, then the future's completion) one at a time, in
 * order, on the common pool: never on the connect loop's I/O thread, and never two at once.
 */
final class SerialExecutor implements Executor {
  private static final System.Logger LOG = System.getLogger("dev.netdb.connect");

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    schedule();
  }

  private void schedule() {
    if (running.compareAndSet(false, true)) {
      ForkJoinPool.commonPool().execute(this::drain);
    }
  }

  private void drain() {
    for (Runnable r; (r = queue.poll()) != null; ) {
      try {
        r.run();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "a connect callback failed", e);
      }
    }
    running.set(false);
    if (!queue.isEmpty()) {
      schedule();
    }
  }
}
