package dev.netdb.dns;

import dev.netdb.dns.Poller.TcpSocket;
import dev.netdb.dns.Poller.UdpSocket;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs every DNS exchange of a {@link DnsClient} on one I/O thread: sockets are non-blocking and
 * watched by a {@link Poller} (epoll through FFM where native access allows, else NIO's
 * selector), timeouts live in a priority queue, and new exchanges are handed over through a
 * lock-free queue with a coalesced {@link Poller#wakeup()}. Futures complete on this thread, so
 * dependent stages that are not {@code *Async} run here and must not block.
 *
 * <p>Bounded resources: exchanges are admitted in submission order while the sockets they may
 * hold ({@link Exchange#sockets()}) fit under {@code maxSockets}; the others wait in a FIFO queue
 * and lose nothing. An exchange's timeouts start when its first query is sent, as a blocking
 * glibc caller's start when its {@code send_dg} sends, so time spent queued is not counted. The
 * sockets of a finished exchange are out of the selector before the loop next blocks, and the
 * socket pool's thread closes them or moves them to fresh ports ({@link UdpSocketPool}).
 *
 * <p>Failure isolation: an unexpected {@link RuntimeException} while one exchange is being served
 * is logged through {@link System.Logger} and fails that exchange only; the loop goes on. On
 * {@link #close()} every pending exchange completes (with {@link DnsOutcome.Timeout}), including
 * one submitted while the shutdown runs.
 */
final class DnsTransport implements AutoCloseable {
  /** Created on first use: System.getLogger sets up the logging back end, which costs start-up. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(DnsTransport.class.getName());
  }

  final Poller poller;
  private final Thread thread;
  private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final PriorityQueue<Exchange.Step> timers = new PriorityQueue<>();
  /** Admitted exchanges not yet finished; this thread only. */
  private final Set<Exchange> active = new HashSet<>();
  /** Exchanges waiting for sockets, in submission order; this thread only. */
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final int maxSockets;
  /** Sockets the active exchanges may hold; this thread only. */
  private int reserved;
  /** UDP sockets of finished exchanges, out of the selector at its next select, then closed. */
  private List<UdpSocket> retiring = new ArrayList<>();
  /** Queries per UDP socket ({@code ARES_OPT_UDP_MAX_QUERIES}); 0: one socket per query and server. */
  final int udpMaxQueries;
  /** With {@link #udpMaxQueries}: the socket each server's next query joins; this thread only. */
  private final Map<InetSocketAddress, SharedUdpSocket> shared = new HashMap<>();
  /** Shared sockets with queries queued this turn ({@link SharedUdpSocket#queue}); this thread only. */
  private final ArrayList<SharedUdpSocket> outgoing = new ArrayList<>();
  private volatile boolean running = true;
  /** glibc {@code nameserver_offset}: a global counter from a random start, for {@code rotate}. */
  final AtomicInteger rotation;
  /** Query IDs: a fast generator seeded from {@link SecureRandom}, used on this thread only. */
  final RandomGenerator ids;
  /** The receive buffer, shared since only this thread reads. */
  final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65535);
  /** Fresh connected UDP sockets, opened ahead of need on a thread of their own. */
  final UdpSocketPool sockets;
  /** Every send and how it ended, per server ({@link DnsClient#queryStats()}). */
  final dev.netdb.observe.QueryStats stats = new dev.netdb.observe.QueryStats();
  /**
   * Batches the outcomes of each turn for {@link CallbackExecutor} or an executor marked {@link
   * CallbackExecutor#batching}; null for another executor.
   */
  private final OutcomeHandoff handoff;
  /** The executor this transport was started for ({@link #callbacks()}); null when none was given. */
  private final Executor callbacks;

  private DnsTransport(Poller poller, int maxSockets, int udpMaxQueries, Executor callbacks) {
    this.poller = poller;
    this.maxSockets = maxSockets;
    this.udpMaxQueries = udpMaxQueries;
    this.sockets = new UdpSocketPool(poller, UdpSocketPool.targetFor(maxSockets));
    SecureRandom seed = new SecureRandom();
    this.ids = RandomGeneratorFactory.of("L64X128MixRandom").create(seed.nextLong());
    this.rotation = new AtomicInteger(seed.nextInt() & 0x7FFF_FFFF);
    this.thread = Thread.ofPlatform().daemon().name("netdb-dns-io").unstarted(this::loop);
    Executor target = callbacks == CallbackExecutor.get() ? callbacks
        : callbacks instanceof CallbackExecutor.Batching b ? b.executor() : null;
    this.handoff = target == null ? null : new OutcomeHandoff(target, thread);
    this.callbacks = callbacks;
  }

  /** Starts a transport that holds at most {@code maxSockets} sockets for its exchanges. */
  static DnsTransport start(int maxSockets) throws IOException {
    return start(maxSockets, 0);
  }

  /**
   * Starts a transport that holds at most {@code maxSockets} sockets for its exchanges and, when
   * {@code udpMaxQueries} is positive, sends up to that many queries on each UDP socket.
   */
  static DnsTransport start(int maxSockets, int udpMaxQueries) throws IOException {
    return start(maxSockets, udpMaxQueries, null);
  }

  /**
   * Starts a transport as {@link #start(int, int)} does whose exchanges' outcomes go to {@code
   * callbacks} through {@link #callbacks()}: for {@link CallbackExecutor} and an executor
   * marked {@link CallbackExecutor#batching}, a turn's outcomes as one batch ({@link
   * OutcomeHandoff}).
   */
  static DnsTransport start(int maxSockets, int udpMaxQueries, Executor callbacks) throws IOException {
    if (udpMaxQueries < 0 || udpMaxQueries > SharedUdpSocket.MAX_QUERIES) {
      throw new IllegalArgumentException("udpMaxQueries not in 0.." + SharedUdpSocket.MAX_QUERIES + ": " + udpMaxQueries);
    }
    DnsTransport t = new DnsTransport(Poller.open(), Math.max(2, maxSockets), udpMaxQueries > 1 ? udpMaxQueries : 0, callbacks);
    t.thread.start();
    return t;
  }

  /**
   * Returns the executor to complete stages with: the batching hand-off when this transport was
   * started for {@link CallbackExecutor} or an executor marked {@link CallbackExecutor#batching},
   * else the executor it was started for.
   */
  Executor callbacks() {
    return handoff != null ? handoff : callbacks;
  }

  /** Returns the poller's name: {@code epoll} or {@code nio}. */
  String pollerName() {
    return poller.name();
  }

  /** Returns the most sockets the exchanges of this transport hold at once. */
  int maxSockets() {
    return maxSockets;
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
    if (!running) {
      // close() ran between the check and the add, and its drain may have missed this one.
      failSubmitted();
      return e.future;
    }
    // From the I/O thread itself (a follow-up query in a callback) the loop drains the queue before
    // it next blocks, so no wakeup is needed; from other threads, one wakeup per select is enough.
    if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) poller.wakeup();
    return e.future;
  }

  /**
   * Takes a finished UDP socket out of the poller: it is cancelled now, the next select drops it
   * (the loop selects again without blocking while any are pending), and then the socket pool's
   * thread closes it, which keeps the {@code close} off this thread.
   */
  void retire(UdpSocket socket) {
    poller.cancel(socket);
    retiring.add(socket);
  }

  /**
   * Returns the UDP leg of exchange {@code e} for server {@code ns}: a fresh socket of its own, or
   * with {@link #udpMaxQueries} a place on the server's current shared socket (a fresh one when
   * that has carried its share).
   */
  Exchange.UdpLeg openLeg(Exchange e, int ns, InetSocketAddress server) throws IOException {
    if (udpMaxQueries == 0) {
      UdpSocket socket = sockets.take(server);
      Exchange.UdpLeg leg = e.new UdpLeg(ns, server, socket, null, e.id, e.query);
      try {
        poller.register(socket, leg);
      } catch (IOException ex) {
        retire(socket);
        throw ex;
      }
      return leg;
    }
    SharedUdpSocket s = shared.get(server);
    if (s == null) {
      s = new SharedUdpSocket(this, server, sockets.take(server), udpMaxQueries);
      try {
        poller.register(s.socket, s);
      } catch (IOException ex) {
        retire(s.socket);
        throw ex;
      }
      shared.put(server, s);
    }
    Exchange.UdpLeg leg = s.attach(e, ns);
    if (s.full()) shared.remove(server); // the next query gets a fresh port
    return leg;
  }

  /** Has {@code socket}'s queued queries sent before the loop next waits. */
  void sendLater(SharedUdpSocket socket) {
    outgoing.add(socket);
  }

  /** Sends every query queued this turn, a socket's in one go ({@link SharedUdpSocket#flush}). */
  private void sendQueued() {
    for (int i = 0; i < outgoing.size(); i++) {
      outgoing.get(i).flush(); // a failed send may queue another try's query: the list grows
    }
    outgoing.clear();
  }

  /** Gives back a finished leg's place: its own socket is retired, a shared one when it is done. */
  void release(Exchange.UdpLeg leg) {
    if (leg.shared == null) retire(leg.socket); else leg.shared.detach(leg);
  }

  /** Closes a TCP socket now, out of the poller. */
  void closeTcp(TcpSocket socket) {
    poller.closeTcp(socket);
  }

  void schedule(Exchange.Step step) {
    timers.add(step);
  }

  /** Frees the sockets a finished exchange reserved; queued exchanges are admitted by the loop. */
  void finished(Exchange e) {
    if (active.remove(e)) reserved -= e.sockets();
  }

  /** Starts queued exchanges, oldest first, while their sockets fit (always one when idle). */
  private void admit() {
    for (Exchange e; (e = waiting.peek()) != null; ) {
      // Count the sockets still on their way out too: retired ones until the next select, then
      // those the pool's thread has yet to close.
      int held = reserved + retiring.size() + sockets.closing();
      if (!active.isEmpty() && held + e.sockets() > maxSockets) return;
      waiting.poll();
      active.add(e);
      reserved += e.sockets();
      try {
        e.start();
      } catch (RuntimeException ex) {
        crashed(e, ex);
      }
    }
  }

  void crashed(Exchange e, RuntimeException ex) {
    if (e == null) {
      Log.LOG.log(Level.ERROR, "unexpected error on a shared DNS socket", ex);
      return;
    }
    Log.LOG.log(Level.ERROR, "unexpected error in a DNS exchange for " + e.question + "; failing it", ex);
    try {
      e.abort();
    } catch (RuntimeException again) {
      Log.LOG.log(Level.ERROR, "failing the DNS exchange", again);
    }
    // Whatever state the exchange was left in, it holds no place and its future is complete.
    finished(e);
    e.future.complete(new DnsOutcome.Timeout());
  }

  private void loop() {
    try {
      while (running) {
        long wait = 0;
        Exchange.Step next = timers.peek();
        if (next != null) {
          wait = Math.max(1, (next.deadline - System.nanoTime() + 999_999) / 1_000_000);
        }
        if (handoff != null && handoff.unfinished()) {
          wait = wait == 0 ? OutcomeHandoff.CHECK_MILLIS : Math.min(wait, OutcomeHandoff.CHECK_MILLIS);
        }
        sendQueued(); // before any wait: the queries this turn queued on shared sockets
        // Sockets retired since the last select leave epoll in this select; do not block before
        // that, or their descriptors would stay open while the loop sleeps.
        boolean flush = !retiring.isEmpty();
        List<UdpSocket> flushed = retiring;
        if (flush) retiring = new ArrayList<>();
        // Ready sockets are handed over inside select; those they retire wait for the next one.
        poller.select(submitted.isEmpty() && !flush ? wait : -1, this::ready);
        wakeupPending.set(false);
        if (flush) sockets.closeLater(flushed);
        for (Exchange e; (e = submitted.poll()) != null; ) waiting.add(e);
        admit();
        long now = System.nanoTime();
        while ((next = timers.peek()) != null && (next.finished || now - next.deadline >= 0)) {
          timers.poll();
          try {
            if (!next.finished) next.timeout();
          } catch (RuntimeException ex) {
            crashed(next.exchange(), ex);
          }
        }
        admit();
        if (handoff != null) {
          handoff.flush(); // this turn's outcomes, as one task
          handoff.check(now);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      if (running) Log.LOG.log(Level.ERROR, "DNS I/O thread stopped", e);
    } finally {
      shutdown();
    }
  }

  /** Hands a ready socket to its leg or try, failing only that exchange if it throws. */
  private void ready(Poller.Io io, int ops) {
    try {
      io.ready(ops);
    } catch (RuntimeException ex) {
      crashed(io.exchange(), ex);
    }
  }

  private void shutdown() {
    running = false;
    for (Exchange e : new ArrayList<>(active)) {
      try {
        e.abort();
      } catch (RuntimeException ex) {
        e.future.complete(new DnsOutcome.Timeout());
      }
    }
    for (Exchange e; (e = waiting.poll()) != null; ) e.future.complete(new DnsOutcome.Timeout());
    failSubmitted();
    for (SharedUdpSocket s : shared.values()) s.retire();
    shared.clear();
    if (handoff != null) handoff.stop();
    poller.close();
    sockets.closeLater(retiring);
    retiring = new ArrayList<>();
    sockets.close();
  }

  private void failSubmitted() {
    for (Exchange e; (e = submitted.poll()) != null; ) e.future.complete(new DnsOutcome.Timeout());
  }

  /**
   * Stops the selector thread and the socket pool's thread, completing every pending exchange with
   * {@link DnsOutcome.Timeout}; returns once both have stopped (or after a bounded wait).
   */
  @Override
  public void close() {
    running = false;
    poller.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failSubmitted();
  }
}
