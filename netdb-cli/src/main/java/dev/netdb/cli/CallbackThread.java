package dev.netdb.cli;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the java back end's callbacks on one daemon platform thread, {@code netdb-callback}, in
 * the order they were handed over: the command's executor in place of the library's default
 * (a virtual thread per turn of the I/O thread, {@code dev.netdb.dns.CallbackExecutor}). It is
 * given as {@code NetDbBuilder.serialExecutor}, so the I/O thread hands it each turn's DNS
 * outcomes as one task and wakes it once per turn, not once per outcome (futex calls per query of
 * a JSON batch 2.2 → 0.5, BENCHMARKS.md).
 *
 * <p>Why one thread is enough here, and safe: a callback is the rest of a lookup (decoding, the
 * search list, the RFC 3484 sort) and then the command's own dependent stage, which only turns
 * the result into an outcome; none of them blocks, and the command's blocking calls (one call on
 * the main thread, getent's databases and the 2-tuple {@code getnameinfo} on a virtual thread
 * each) wait on threads of their own. A batch hands over one callback per DNS outcome, tens of
 * thousands a second: a thread that is already running takes the next from a queue with no
 * wake-up, where each virtual thread costs a start, a scheduler hand-off and often a carrier's
 * wake-up.
 */
final class CallbackThread implements Executor {
  /** Created on first use: System.getLogger sets up the logging back end, which costs start-up. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("dev.netdb.cli");
  }

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean parked = new AtomicBoolean();
  private final Thread thread;

  CallbackThread() {
    thread = Thread.ofPlatform().name("netdb-callback").daemon().unstarted(this::loop);
    thread.start();
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (parked.get()) {
      LockSupport.unpark(thread);
    }
  }

  private void loop() {
    while (true) {
      Runnable task = queue.poll();
      if (task != null) {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          Log.LOG.log(System.Logger.Level.WARNING, "callback failed", e);
        }
        continue;
      }
      // Announce the park before the last look, so that a task added after the look unparks us.
      parked.set(true);
      if (queue.isEmpty()) {
        LockSupport.park(this);
      }
      parked.set(false);
    }
  }
}
