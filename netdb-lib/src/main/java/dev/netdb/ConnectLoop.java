package dev.netdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Drives non-blocking connects: one daemon thread with one {@link Selector}, a timer queue and a
 * task queue, shared by every connect in the JVM, so an attempt costs a socket and a selection key,
 * never a thread. It starts when the first connect {@linkplain #acquire() acquires} it and stops
 * when no connect has held it for {@link #IDLE_NANOS}; the next connect starts a fresh one.
 *
 * <p>Why a selector and not {@code AsynchronousSocketChannel}: the public result is a {@code
 * SocketChannel} (what Python's {@code create_connection} returns, usable blocking or with a
 * selector), and the JDK cannot turn an asynchronous channel into one. A non-blocking {@code
 * SocketChannel} connected with {@code OP_CONNECT} can be switched back to blocking mode once its key
 * is gone, which is what {@link #afterNextSelect} is for.
 *
 * <p>Only I/O and bookkeeping run here: every handler is the library's own, and callers' code runs
 * on other threads (see {@link ConnectRace}). Methods other than {@link #execute} must be called on
 * the loop's thread.
 */
final class ConnectLoop implements Runnable {
  private static final System.Logger LOG = System.getLogger("dev.netdb.connect");
  /** How long the loop lingers with nothing to do before its thread ends. */
  static final long IDLE_NANOS = 2_000_000_000L;
  private static final Object LOCK = new Object();
  private static ConnectLoop current; // guarded by LOCK

  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private List<Runnable> deferred = new ArrayList<>();
  private int users; // guarded by LOCK
  private Thread thread;
  private long sequence;

  /** A scheduled task; {@link #cancel()} on the loop thread stops it from running. */
  static final class Timer implements Comparable<Timer> {
    private final long deadline;
    private final long order;
    private final Runnable task;
    private boolean cancelled;

    private Timer(long deadline, long order, Runnable task) {
      this.deadline = deadline;
      this.order = order;
      this.task = task;
    }

    /** Stops the task from running, if it has not run yet. */
    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(deadline - o.deadline, 0);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  private ConnectLoop() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for connects", e);
    }
  }

  /** Returns the running loop, starting one if needed, and counts the caller as its user. */
  static ConnectLoop acquire() {
    synchronized (LOCK) {
      if (current == null) {
        current = new ConnectLoop();
        current.thread = Thread.ofPlatform().daemon().name("netdb-connect").start(current);
      }
      current.users++;
      LOCK.notifyAll(); // a loop parked in parkWhileUnused goes back to work
      return current;
    }
  }

  /** Drops one user; the loop stops once it has none and nothing to do for a while. */
  void release() {
    synchronized (LOCK) {
      users--;
    }
  }

  /** Runs {@code task} on the loop thread soon; callable from any thread. */
  void execute(Runnable task) {
    tasks.add(task);
    if (Thread.currentThread() != thread) {
      selector.wakeup();
    }
  }

  /** Runs {@code task} on the loop after {@code delayNanos}. */
  Timer schedule(long delayNanos, Runnable task) {
    Timer t = new Timer(System.nanoTime() + delayNanos, sequence++, task);
    timers.add(t);
    return t;
  }

  /**
   * Registers {@code channel} for {@code ops}; {@code handler} runs on the loop when it is ready.
   */
  SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> handler)
      throws ClosedChannelException {
    return channel.register(selector, ops, handler);
  }

  /**
   * Runs {@code task} after the next select, by which time the selector has dropped the keys
   * cancelled before it, so their channels may be switched to blocking mode (or are really closed).
   */
  void afterNextSelect(Runnable task) {
    deferred.add(task);
  }

  @Override
  public void run() {
    while (true) {
      if (isIdle() && parkWhileUnused()) {
        return;
      }
      List<Runnable> ready = deferred;
      deferred = new ArrayList<>();
      try {
        long wait = waitMillis(ready);
        if (wait == 0) {
          selector.selectNow();
        } else {
          selector.select(wait);
        }
      } catch (IOException e) {
        LOG.log(Level.ERROR, "connect selector failed", e);
      }
      ready.forEach(ConnectLoop::runSafely);
      var keys = selector.selectedKeys();
      for (SelectionKey key : keys) {
        if (key.isValid() && key.attachment() instanceof Consumer<?> c) {
          @SuppressWarnings("unchecked")
          Consumer<SelectionKey> handler = (Consumer<SelectionKey>) c;
          runSafely(() -> handler.accept(key));
        }
      }
      keys.clear();
      long now = System.nanoTime();
      while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
        Timer t = timers.poll();
        if (!t.cancelled) {
          runSafely(t.task);
        }
      }
      for (Runnable r; (r = tasks.poll()) != null; ) {
        runSafely(r);
      }
    }
  }

  /**
   * Waits, with no connect holding the loop and nothing to do, for {@link #IDLE_NANOS} or a new
   * user; returns true when the loop has stopped. It waits in {@code Object.wait}, not in the
   * selector: HotSpot's exit waits up to 300 ms for threads that are in native code (such as
   * {@code epoll_wait}), and a command-line run should not pay that after its connect.
   */
  private boolean parkWhileUnused() {
    synchronized (LOCK) {
      if (users > 0 || !tasks.isEmpty()) {
        return false;
      }
      try {
        LOCK.wait(IDLE_NANOS / 1_000_000);
      } catch (InterruptedException e) {
        // Only this class runs on the loop's thread; an interrupt just ends the wait early.
      }
      if (users > 0 || !tasks.isEmpty()) {
        return false;
      }
      current = null;
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing the connect selector failed", e);
    }
    return true;
  }

  private long waitMillis(List<Runnable> ready) {
    if (!ready.isEmpty() || !tasks.isEmpty()) {
      return 0;
    }
    while (!timers.isEmpty() && timers.peek().cancelled) {
      timers.poll();
    }
    if (timers.isEmpty()) {
      return IDLE_NANOS / 1_000_000;
    }
    long nanos = timers.peek().deadline - System.nanoTime();
    return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
  }

  private boolean isIdle() {
    if (!selector.keys().isEmpty() || !tasks.isEmpty() || !deferred.isEmpty()) {
      return false;
    }
    timers.removeIf(t -> t.cancelled); // few, with no socket registered
    return timers.isEmpty();
  }

  private static void runSafely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      // A defect fails one connect at most, never the loop (the race's own guard reports it).
      LOG.log(Level.ERROR, "connect loop task failed", e);
    }
  }
}
