package dev.netdb.dns;

import dev.netdb.dns.linux.MessageVector;
import dev.netdb.dns.linux.Syscalls;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The lean {@link Poller}: sockets made with {@code socket(SOCK_NONBLOCK | SOCK_CLOEXEC)} and
 * {@code connect} (which also picks the random ephemeral port), one {@code epoll} instance of its
 * own, and an {@code eventfd} for {@link #wakeup()}. A query then costs {@code socket}, {@code
 * connect}, {@code epoll_ctl(ADD)}, {@code send}, {@code recv} and {@code close}, plus its share of
 * {@code epoll_wait}: no {@code bind}, {@code getsockname}, {@code fcntl} or {@code
 * epoll_ctl(DEL)} ({@code close} takes a descriptor out of every epoll set, {@code epoll(7)}),
 * and no second {@code recv} once a reply has matched.
 *
 * <p>A used UDP socket is not closed but {@linkplain #reconnect moved to a fresh port} (on the
 * socket pool's thread: {@code connect(AF_UNSPEC)}, a {@code recv} that finds the queue empty,
 * {@code connect}), and stays in the epoll set, so a query on it costs {@code send} and {@code
 * recv} on this thread and three cheap calls on the pool's: the kernel's socket set-up and
 * tear-down ({@code socket}, {@code close}, {@code epoll_ctl}), a quarter of a fresh-socket
 * query's CPU, is gone, while each query still gets a fresh random port.
 *
 * <p>A socket shared by several queries ({@code udpMaxQueries}, {@link SharedUdpSocket}) sends the
 * queries of one turn in one {@code sendmmsg} and reads its replies with {@code recvmmsg}, through
 * native {@link MessageVector}s made on first use.
 *
 * <p>A TCP registration's epoll data is the descriptor and a non-zero generation number, so an
 * event that was collected for a socket already closed (or for an earlier socket with the same
 * number) is recognised and dropped. A UDP registration's generation is 0: it lasts as long as
 * the socket, across its ports, and a stale readiness on it only makes a {@code recv} find
 * nothing. A socket with no handler that keeps reporting (a late datagram on a cancelled socket,
 * or one on a pooled socket before it is handed out) is taken out of the set then, once, and
 * added again when it is next registered.
 */
final class EpollPoller implements Poller {
  private static final int MAX_EVENTS = 256;
  /** The most datagrams one {@code sendmmsg} sends. */
  static final int SEND_BATCH = 64;
  /** The bytes of each send slot. */
  static final int SEND_SLOT = 512;
  /** The most datagrams one {@code recvmmsg} reads. */
  static final int RECEIVE_BATCH = 16;
  /** The epoll data of the wake-up eventfd. */
  private static final long WAKE = -1L;

  private final int epfd;
  private final int wakeFd;
  private final Arena arena = Arena.ofShared();
  private final MemorySegment events;
  /** The handler and interest of each registered descriptor; I/O thread only. */
  private Io[] handlers = new Io[1024];
  private int[] interest = new int[1024];
  private int[] generation = new int[1024];
  /** The UDP socket last registered at each descriptor number; I/O thread only. */
  private Udp[] udps = new Udp[1024];
  private volatile boolean closed;
  /** The native vectors of {@link #send(UdpSocket, byte[][], int, int)} and {@link #receive}, made on first use; I/O thread only. */
  private MessageVector sendVector;
  private MessageVector receiveVector;

  EpollPoller() throws IOException {
    epfd = Syscalls.epollCreate();
    int w;
    try {
      w = Syscalls.eventfd();
    } catch (IOException e) {
      Syscalls.close(epfd);
      throw e;
    }
    wakeFd = w;
    try {
      Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_ADD, wakeFd, Syscalls.EPOLLIN, WAKE);
    } catch (IOException e) {
      Syscalls.close(wakeFd);
      Syscalls.close(epfd);
      throw e;
    }
    events = arena.allocate(MAX_EVENTS * Syscalls.EPOLL_EVENT_SIZE, 8);
  }

  @Override
  public String name() {
    return "epoll";
  }

  /** A UDP socket as a bare descriptor. */
  static final class Udp implements UdpSocket {
    final int fd;
    final int family;
    private volatile boolean open = true;
    /** Whether {@link #fd} is in the epoll set; I/O thread only. */
    boolean watched;

    Udp(int fd, int family) {
      this.fd = fd;
      this.family = family;
    }

    @Override
    public int send(byte[] datagram) throws IOException {
      return Syscalls.send(fd, MemorySegment.ofArray(datagram));
    }

    @Override
    public int receive(ByteBuffer buf) throws IOException {
      buf.clear();
      int n = Syscalls.recv(fd, MemorySegment.ofBuffer(buf));
      buf.limit(Math.max(0, n));
      return n;
    }

    @Override
    public int localPort() throws IOException {
      return Syscalls.localPort(fd);
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        Syscalls.close(fd);
      }
    }
  }

  /** A TCP socket as a bare descriptor. */
  static final class Tcp implements TcpSocket {
    final int fd;
    private final boolean connected;
    private boolean open = true;

    Tcp(int fd, boolean connected) {
      this.fd = fd;
      this.connected = connected;
    }

    @Override
    public boolean connected() {
      return connected;
    }

    @Override
    public void finishConnect() throws IOException {
      // connect(2): after EINPROGRESS, writability and SO_ERROR tell how the connect ended.
      Syscalls.throwIfError("connect", Syscalls.pendingError(fd));
    }

    @Override
    public void write(ByteBuffer buf) throws IOException {
      int n = Syscalls.send(fd, MemorySegment.ofBuffer(buf));
      buf.position(buf.position() + n);
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      if (!buf.hasRemaining()) return 0;
      int n = Syscalls.recv(fd, MemorySegment.ofBuffer(buf));
      if (n == 0) return -1; // end of stream
      if (n < 0) return 0; // nothing yet
      buf.position(buf.position() + n);
      return n;
    }

    void close() {
      if (open) {
        open = false;
        Syscalls.close(fd);
      }
    }
  }

  @Override
  public UdpSocket openUdp(InetSocketAddress server) throws IOException {
    LoopbackOnly.check(server); // under the test run: loopback only, as on the NIO path
    int family = Syscalls.family(server);
    int fd = Syscalls.socket(family, Syscalls.SOCK_DGRAM);
    try {
      Syscalls.connect(fd, server); // like glibc send_dg; binds a random ephemeral port too
      return new Udp(fd, family);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  /**
   * Moves {@code socket} to a fresh random port connected to {@code server}: {@code
   * connect(AF_UNSPEC)} releases its port (Linux {@code __udp_disconnect} unhashes a socket whose
   * port the kernel picked, so nothing more reaches it there), the datagrams and any error still
   * queued are read off and dropped, and {@code connect} picks a new port as for a new socket.
   * Returns false for a closed socket, another address family, or a queue that does not empty.
   */
  @Override
  public boolean reconnect(UdpSocket socket, InetSocketAddress server) {
    Udp u = (Udp) socket;
    if (!u.isOpen() || u.family != Syscalls.family(server)) return false;
    LoopbackOnly.check(server); // under the test run: loopback only, as openUdp
    try {
      Syscalls.disconnect(u.fd);
      MemorySegment scratch = MemorySegment.ofArray(new byte[1]); // a datagram read short is dropped whole
      for (int i = 0; ; i++) {
        if (i == 64) return false;
        try {
          if (Syscalls.recv(u.fd, scratch) < 0) break; // empty
        } catch (IOException e) {
          // an ICMP error of the old port, now cleared
        }
      }
      Syscalls.connect(u.fd, server);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public TcpSocket openTcp(InetSocketAddress server) throws IOException {
    LoopbackOnly.check(server); // under the test run: loopback only, as on the NIO path
    int fd = Syscalls.socket(Syscalls.family(server), Syscalls.SOCK_STREAM);
    try {
      return new Tcp(fd, Syscalls.connect(fd, server));
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  @Override
  public void register(UdpSocket socket, Io io) throws IOException {
    Udp u = (Udp) socket;
    int fd = u.fd;
    grow(fd);
    if (!u.watched) {
      // Generation 0: the registration outlives the socket's port (see the class comment).
      Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_ADD, fd, Syscalls.EPOLLIN, fd);
      u.watched = true;
    }
    udps[fd] = u;
    handlers[fd] = io;
    interest[fd] = READ;
  }

  @Override
  public void register(TcpSocket socket, int ops, Io io) throws IOException {
    add(((Tcp) socket).fd, ops, io);
  }

  private void grow(int fd) {
    if (fd >= handlers.length) {
      int n = Math.max(fd + 1, handlers.length * 2);
      handlers = Arrays.copyOf(handlers, n);
      interest = Arrays.copyOf(interest, n);
      generation = Arrays.copyOf(generation, n);
      udps = Arrays.copyOf(udps, n);
    }
  }

  private void add(int fd, int ops, Io io) throws IOException {
    grow(fd);
    int gen = ++generation[fd];
    if (gen == 0) gen = ++generation[fd]; // 0 marks a UDP registration
    udps[fd] = null;
    Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_ADD, fd, mask(ops), (long) gen << 32 | fd);
    handlers[fd] = io;
    interest[fd] = ops;
  }

  private static int mask(int ops) {
    return ((ops & READ) != 0 ? Syscalls.EPOLLIN : 0) | ((ops & (WRITE | CONNECT)) != 0 ? Syscalls.EPOLLOUT : 0);
  }

  @Override
  public void interest(TcpSocket socket, int ops) throws IOException {
    int fd = ((Tcp) socket).fd;
    Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_MOD, fd, mask(ops), (long) generation[fd] << 32 | fd);
    interest[fd] = ops;
  }

  @Override
  public void cancel(UdpSocket socket) {
    forget(((Udp) socket).fd);
  }

  private void forget(int fd) {
    if (fd < handlers.length) {
      handlers[fd] = null;
      generation[fd]++;
    }
  }

  @Override
  public void closeTcp(TcpSocket socket) {
    Tcp t = (Tcp) socket;
    forget(t.fd);
    t.close();
  }

  /**
   * Sends up to {@value #SEND_BATCH} datagrams in one {@code sendmmsg}, copied into a native
   * vector first; one longer than a slot ({@value #SEND_SLOT} bytes, more than any query) goes
   * alone through {@code send}.
   */
  @Override
  public int send(UdpSocket socket, byte[][] datagrams, int from, int to) throws IOException {
    Udp u = (Udp) socket;
    if (to - from == 1 || datagrams[from].length > SEND_SLOT) return Poller.super.send(socket, datagrams, from, to);
    MessageVector v = sendVector;
    if (v == null) v = sendVector = new MessageVector(arena, SEND_BATCH, SEND_SLOT);
    int n = 0;
    for (int i = from; i < to && n < SEND_BATCH && datagrams[i].length <= SEND_SLOT; i++) {
      v.put(n++, datagrams[i]);
    }
    return v.send(u.fd, n);
  }

  /**
   * Reads with {@code recvmmsg}, up to {@value #RECEIVE_BATCH} datagrams a call, each into a slot
   * as large as {@code buf} (so a datagram is cut where {@code recv} into {@code buf} would cut
   * it), until a call finds fewer than it could take.
   */
  @Override
  public void receive(UdpSocket socket, ByteBuffer buf, Datagrams sink) throws IOException {
    Udp u = (Udp) socket;
    MessageVector v = receiveVector;
    if (v == null || v.slotBytes() != buf.capacity()) {
      v = receiveVector = new MessageVector(arena, RECEIVE_BATCH, buf.capacity());
    }
    int n;
    do {
      n = v.receive(u.fd);
      for (int i = 0; i < n; i++) {
        if (!sink.datagram(v.datagram(i))) return;
      }
    } while (n == RECEIVE_BATCH);
  }

  @Override
  public void select(long timeoutMillis, Ready ready) throws IOException {
    int timeout = timeoutMillis < 0 ? 0 : timeoutMillis == 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
    int n = Syscalls.epollWait(epfd, events, timeout);
    for (int i = 0; i < n; i++) {
      long data = Syscalls.eventData(events, i);
      if (data == WAKE) {
        Syscalls.drain(wakeFd);
        continue;
      }
      int fd = (int) data;
      int gen = (int) (data >>> 32);
      Io io = fd < handlers.length ? handlers[fd] : null;
      // A UDP event counts only while the number is a UDP socket's, a TCP event only for its generation.
      if (io == null || (gen == 0 ? udps[fd] == null : generation[fd] != gen)) {
        // Cancelled or pooled but still open (nothing else holds the number): stop its reports
        // now; a UDP socket is added again when it is next registered.
        if (io == null) {
          try {
            Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_DEL, fd, 0, 0);
          } catch (IOException e) {
            // already closed, or a fresh socket not yet registered: nothing to remove
          }
          if (fd < udps.length && udps[fd] != null) udps[fd].watched = false;
        }
        continue;
      }
      int ev = Syscalls.eventMask(events, i);
      int want = interest[fd];
      // As NIO does: an error or hang-up makes the socket ready for whatever it waits for.
      int ops = (ev & (Syscalls.EPOLLERR | Syscalls.EPOLLHUP)) != 0 ? want
          : ((ev & Syscalls.EPOLLIN) != 0 ? READ : 0) | ((ev & Syscalls.EPOLLOUT) != 0 ? want & (WRITE | CONNECT) : 0);
      if ((ops & want) != 0) ready.on(io, ops & want);
    }
  }

  @Override
  public void wakeup() {
    // Under the lock: a wake-up racing close() must not write to a number reused meanwhile.
    synchronized (this) {
      if (!closed) Syscalls.signal(wakeFd);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    Syscalls.close(wakeFd);
    Syscalls.close(epfd);
    arena.close();
  }
}
