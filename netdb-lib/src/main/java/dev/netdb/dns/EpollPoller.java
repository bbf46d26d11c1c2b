package dev.netdb.dns;

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
 * <p>Each registration's epoll data is the descriptor and a generation number, so an event that
 * was collected for a socket already cancelled (or for an earlier socket with the same number) is
 * recognised and dropped; a cancelled socket that keeps reporting (a late datagram before the
 * pool's thread closes it) is taken out of the set then, once.
 */
final class EpollPoller implements Poller {
  private static final int MAX_EVENTS = 256;
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
  private volatile boolean closed;

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
    private volatile boolean open = true;

    Udp(int fd) {
      this.fd = fd;
    }

    @Override
    public void send(byte[] datagram) throws IOException {
      Syscalls.send(fd, MemorySegment.ofArray(datagram));
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
    int fd = Syscalls.socket(Syscalls.family(server), Syscalls.SOCK_DGRAM);
    try {
      Syscalls.connect(fd, server); // like glibc send_dg; binds a random ephemeral port too
      return new Udp(fd);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
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
    add(((Udp) socket).fd, READ, io);
  }

  @Override
  public void register(TcpSocket socket, int ops, Io io) throws IOException {
    add(((Tcp) socket).fd, ops, io);
  }

  private void add(int fd, int ops, Io io) throws IOException {
    if (fd >= handlers.length) {
      int n = Math.max(fd + 1, handlers.length * 2);
      handlers = Arrays.copyOf(handlers, n);
      interest = Arrays.copyOf(interest, n);
      generation = Arrays.copyOf(generation, n);
    }
    int gen = ++generation[fd];
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
      if (io == null || generation[fd] != gen) {
        // Cancelled but still open (nothing else holds the number): stop its reports now.
        if (io == null) {
          try {
            Syscalls.epollCtl(epfd, Syscalls.EPOLL_CTL_DEL, fd, 0, 0);
          } catch (IOException e) {
            // already closed, or a fresh socket not yet registered: nothing to remove
          }
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
