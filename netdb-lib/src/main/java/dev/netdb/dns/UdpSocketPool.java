package dev.netdb.dns;

import dev.netdb.dns.Poller.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens UDP sockets for DNS queries ahead of need, on a thread of its own, so that the selector
 * thread does not pay for {@code socket}, {@code connect} (and, on the NIO path, the JDK's
 * bookkeeping around them) on the hot path. The sockets come from the transport's {@link Poller}.
 *
 * <p>Every socket handed out is on a new port: opened non-blocking, bound to an ephemeral port
 * that the kernel picks at random (Linux {@code udp_lib_get_port}), and connected to one server,
 * so the kernel delivers to it only datagrams from that server's address and port (and reports
 * ICMP port unreachable, as glibc's connected {@code send_dg} socket does). {@link #take} gives
 * each socket to exactly one caller, which uses it for one query (its tries to that one server)
 * and hands it back ({@link #closeLater}); the pool never hands out a port twice (with {@code
 * udpMaxQueries}, the transport itself shares the socket it took among that many queries, see
 * {@link SharedUdpSocket}). A socket handed back is closed, or, where the poller can ({@link
 * Poller#reconnect}: epoll), moved to a fresh random port and pooled again, which is what a query
 * needs of a new socket (a port no query has used, picked by the kernel, nothing queued) without
 * the kernel's cost of making and destroying one. A socket waits in the pool at most {@link #MAX_AGE_NANOS}, then is
 * closed unused, so no port is held open long before its query and, once lookups stop, every
 * pooled descriptor is gone within about 0.3 s; with nothing pooled the thread sleeps until
 * needed. The pool refills only while sockets are being taken; when empty, {@link #take} opens one
 * inline, exactly as before.
 *
 * <p>Security: the query ID is drawn only when the query is sent, so a datagram that reaches a
 * pooled socket before then (it would have to come from the server's address and port) is no
 * better placed than one sent after the query: it is read, fails the ID and question check, and is
 * ignored. The only difference from glibc is that the port exists up to {@link #MAX_AGE_NANOS}
 * earlier.
 */
final class UdpSocketPool implements AutoCloseable {
  /** Sockets kept ready per server at most. */
  static final int MAX_TARGET = 64;
  /** How long an unused pooled socket lives. */
  static final long MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  /** Servers pooled at most; further servers always get inline sockets. */
  private static final int MAX_SERVERS = 8;

  private record Ready(UdpSocket channel, long openedAt) {}

  private static final class Server {
    final ConcurrentLinkedQueue<Ready> queue = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();
    volatile long lastTaken;
  }

  /**
   * Most sockets waiting to be closed; past it the caller closes them itself, so a lagging pool
   * thread cannot hold more descriptors than this on top of the in-flight budget.
   */
  private final int maxClosing;

  private final Map<InetSocketAddress, Server> servers = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<List<UdpSocket>> closing = new ConcurrentLinkedQueue<>();
  private final AtomicInteger closingCount = new AtomicInteger();
  private final Thread filler;
  private final Poller poller;
  private final int target;
  /** Whether used sockets go back into the pool ({@link Poller#reconnect}); false until one has. */
  private volatile boolean canRecycle;
  private volatile boolean running = true;

  /** Creates a pool of {@code poller}'s sockets that keeps {@link #MAX_TARGET} ready per server. */
  UdpSocketPool(Poller poller) {
    this(poller, MAX_TARGET);
  }

  /** Creates a pool of {@code poller}'s sockets that keeps {@code target} ready per server (at most 8 servers). */
  UdpSocketPool(Poller poller, int target) {
    this.poller = poller;
    this.target = Math.max(1, Math.min(MAX_TARGET, target));
    this.maxClosing = 4 * this.target;
    filler = Thread.ofPlatform().daemon().name("netdb-dns-sockets").unstarted(this::fill);
    filler.start();
  }

  /**
   * Returns the pool size per server for a transport allowed {@code maxSockets} sockets in flight:
   * a sixteenth of it, so that with eight servers pooled the ready sockets stay within half the
   * in-flight budget, between 2 and {@link #MAX_TARGET}.
   */
  static int targetFor(int maxSockets) {
    return Math.max(2, Math.min(MAX_TARGET, maxSockets / 16));
  }

  /**
   * Returns a new socket connected to {@code server}, never handed out before: a pooled one if
   * one is ready and young enough, else one opened now.
   */
  UdpSocket take(InetSocketAddress server) throws IOException {
    Server s = servers.get(server);
    if (s == null && servers.size() < MAX_SERVERS && running) {
      s = servers.computeIfAbsent(server, k -> new Server());
    }
    if (s != null) {
      long now = System.nanoTime();
      s.lastTaken = now;
      for (Ready r; (r = s.queue.poll()) != null; ) {
        if (s.size.decrementAndGet() < target / 2) LockSupport.unpark(filler);
        if (now - r.openedAt < MAX_AGE_NANOS && r.channel.isOpen()) return r.channel;
        closeQuietly(r.channel);
      }
      LockSupport.unpark(filler);
    }
    return poller.openUdp(server);
  }

  /**
   * Closes used sockets on this pool's thread; each must already be out of every selector. When
   * the thread lags too far behind, or has stopped, they are closed here and now.
   */
  void closeLater(List<UdpSocket> used) {
    if (used.isEmpty()) return;
    if (running && closingCount.addAndGet(used.size()) <= maxClosing) {
      closing.add(used);
      LockSupport.unpark(filler);
      if (running) return;
      drainClosing(); // stopped meanwhile: do not leave them to a thread that has gone
      return;
    }
    if (running) closingCount.addAndGet(-used.size());
    for (UdpSocket ch : used) closeQuietly(ch);
  }

  /** Returns how many used sockets wait for this pool's thread to close them. */
  int closing() {
    return Math.max(0, closingCount.get());
  }

  private void drainClosing() {
    for (List<UdpSocket> batch; (batch = closing.poll()) != null; ) {
      closingCount.addAndGet(-batch.size());
      for (UdpSocket ch : batch) closeQuietly(ch);
    }
  }

  /**
   * Closes the used sockets, or, where the poller can ({@link Poller#reconnect}, epoll), moves each
   * to a fresh random port connected to a server whose pool is short, and pools it there: the same
   * promise as a new socket (a port no query used, the kernel's pick), at a fraction of the cost.
   * Returns whether any was pooled.
   */
  private boolean recycleClosing() {
    boolean pooled = false;
    for (List<UdpSocket> batch; (batch = closing.poll()) != null; ) {
      closingCount.addAndGet(-batch.size());
      for (UdpSocket ch : batch) {
        if (running && recycle(ch)) pooled = true; else closeQuietly(ch);
      }
    }
    return pooled;
  }

  /**
   * Pools {@code ch}, moved to a fresh port, for the first server in demand that it can serve.
   * Sockets come back in bursts (a select's worth of answers), so up to {@link #maxClosing} are
   * kept across all servers, not {@link #target} per server: no more than were just in flight.
   */
  private boolean recycle(UdpSocket ch) {
    long now = System.nanoTime();
    int pooled = 0;
    for (Server s : servers.values()) pooled += s.size.get();
    if (pooled >= maxClosing) return false;
    for (Map.Entry<InetSocketAddress, Server> e : servers.entrySet()) {
      Server s = e.getValue();
      if (now - s.lastTaken >= MAX_AGE_NANOS) continue;
      boolean moved;
      try {
        moved = poller.reconnect(ch, e.getKey());
      } catch (RuntimeException ex) {
        return false; // LoopbackOnly: the caller closes it
      }
      if (!moved) return false; // closed, another family, or a poller that cannot: close it
      s.queue.add(new Ready(ch, System.nanoTime()));
      s.size.incrementAndGet();
      canRecycle = true;
      return true;
    }
    return false;
  }

  private void fill() {
    while (running) {
      boolean opened = recycleClosing();
      for (Map.Entry<InetSocketAddress, Server> e : servers.entrySet()) {
        Server s = e.getValue();
        long now = System.nanoTime();
        dropStale(s, now);
        if (now - s.lastTaken >= MAX_AGE_NANOS) continue; // no demand lately: let the pool drain
        // Used sockets waiting to be moved to fresh ports come first: they cost less than new ones.
        while (running && s.size.get() < target && (closingCount.get() <= 0 || !canRecycle)) {
          try {
            UdpSocket ch = poller.openUdp(e.getKey());
            s.queue.add(new Ready(ch, System.nanoTime()));
            s.size.incrementAndGet();
            opened = true;
          } catch (IOException ex) {
            break; // out of descriptors or no route: the selector thread's inline open will report it
          }
        }
      }
      if (!opened && closing.isEmpty()) {
        boolean pooled = false;
        for (Server s : servers.values()) pooled |= s.size.get() > 0;
        // Nothing to age out: sleep until take(), closeLater() or close() unparks this thread.
        if (pooled) LockSupport.parkNanos(this, MAX_AGE_NANOS / 5); else LockSupport.park(this);
      }
    }
    drainClosing();
    for (Server s : servers.values()) dropStale(s, Long.MAX_VALUE);
  }

  /** Closes pooled sockets opened {@link #MAX_AGE_NANOS} or more before {@code now}. */
  private static void dropStale(Server s, long now) {
    // The queue is in opening order, so the stale ones are at its head.
    for (Ready r; (r = s.queue.peek()) != null && (now == Long.MAX_VALUE || now - r.openedAt >= MAX_AGE_NANOS); ) {
      if (s.queue.remove(r)) { // false if take() got it first
        s.size.decrementAndGet();
        closeQuietly(r.channel);
      }
    }
  }

  private static void closeQuietly(UdpSocket ch) {
    ch.close();
  }

  /** Stops the filler thread and closes every pooled socket. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(filler);
    if (Thread.currentThread() != filler) {
      try {
        filler.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    drainClosing();
    for (Server s : servers.values()) dropStale(s, Long.MAX_VALUE);
  }
}
