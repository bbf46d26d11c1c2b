package dev.netdb.dns;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs every DNS exchange of a {@link DnsClient} on one selector thread: sockets are
 * non-blocking, timeouts live in a priority queue, and new exchanges are handed over through a
 * lock-free queue with a coalesced {@link Selector#wakeup()}. Futures complete on this thread, so
 * dependent stages that are not {@code *Async} run here and must not block.
 */
final class DnsTransport implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DnsTransport.class.getName());

  final Selector selector;
  private final Thread thread;
  private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final PriorityQueue<Exchange.Step> timers = new PriorityQueue<>();
  /** UDP sockets finished since the last select; closed by {@link #sockets} after it. */
  private List<DatagramChannel> retiring = new ArrayList<>();
  private volatile boolean running = true;
  /** glibc {@code nameserver_offset}: a global counter from a random start, for {@code rotate}. */
  final AtomicInteger rotation;
  /** Query IDs: a fast generator seeded from {@link SecureRandom}, used on this thread only. */
  final RandomGenerator ids;
  /** The receive buffer, shared since only this thread reads. */
  final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65535);
  /** Fresh connected UDP sockets, opened ahead of need on a thread of their own. */
  final UdpSocketPool sockets = new UdpSocketPool();
  /** Every send and how it ended, per server ({@link DnsClient#queryStats()}). */
  final dev.netdb.observe.QueryStats stats = new dev.netdb.observe.QueryStats();

  private DnsTransport(Selector selector) {
    this.selector = selector;
    SecureRandom seed = new SecureRandom();
    this.ids = RandomGeneratorFactory.of("L64X128MixRandom").create(seed.nextLong());
    this.rotation = new AtomicInteger(seed.nextInt() & 0x7FFF_FFFF);
    this.thread = Thread.ofPlatform().daemon().name("netdb-dns-io").unstarted(this::loop);
  }

  static DnsTransport start() throws IOException {
    DnsTransport t = new DnsTransport(Selector.open());
    t.thread.start();
    return t;
  }

  CompletableFuture<DnsOutcome> exchange(DnsQuestion question, ResolverConfig cfg) {
    return exchange(question, cfg, dev.netdb.observe.TraceRecorder.OFF);
  }

  /** Starts an exchange whose sends are reported to {@code recorder}. */
  CompletableFuture<DnsOutcome> exchange(DnsQuestion question, ResolverConfig cfg, dev.netdb.observe.TraceRecorder recorder) {
    Exchange e = new Exchange(this, question, cfg, recorder);
    if (!running) {
      e.future.complete(new DnsOutcome.Timeout());
      return e.future;
    }
    submitted.add(e);
    // From the I/O thread itself (a follow-up query in a callback) the loop drains the queue before
    // it next blocks, so no wakeup is needed; from other threads, one wakeup per select is enough.
    if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) selector.wakeup();
    return e.future;
  }

  /**
   * Takes a finished UDP socket out of the selector without closing it here: its key is cancelled
   * now, the next select drops it from epoll, and then the socket pool's thread closes it, which
   * keeps the {@code close} off this thread. Runs on this thread only.
   */
  void retire(DatagramChannel channel) {
    SelectionKey key = channel.keyFor(selector);
    if (key != null) key.cancel();
    retiring.add(channel);
  }

  void schedule(Exchange.Step step) {
    timers.add(step);
  }

  private void loop() {
    try {
      while (running) {
        long wait = 0;
        Exchange.Step next = timers.peek();
        if (next != null) {
          wait = Math.max(1, (next.deadline - System.nanoTime() + 999_999) / 1_000_000);
        }
        if (submitted.isEmpty()) {
          selector.select(wait);
        } else {
          selector.selectNow();
        }
        wakeupPending.set(false);
        if (!retiring.isEmpty()) { // their keys were cancelled before this select, so are deregistered
          sockets.closeLater(retiring);
          retiring = new ArrayList<>();
        }
        for (Exchange e; (e = submitted.poll()) != null; ) e.start();
        for (SelectionKey key : selector.selectedKeys()) {
          Exchange.Step s = (Exchange.Step) key.attachment();
          if (key.isValid()) s.ready(key);
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        while ((next = timers.peek()) != null && (next.finished || now - next.deadline >= 0)) {
          timers.poll();
          if (!next.finished) next.timeout();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) LOG.log(Level.ERROR, "DNS I/O thread stopped", e);
    } finally {
      shutdown();
    }
  }

  private void shutdown() {
    running = false;
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof Exchange.Step s) s.abort();
    }
    for (Exchange e; (e = submitted.poll()) != null; ) e.future.complete(new DnsOutcome.Timeout());
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing selector", e);
    }
    sockets.closeLater(retiring);
    retiring = new ArrayList<>();
    sockets.close();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
