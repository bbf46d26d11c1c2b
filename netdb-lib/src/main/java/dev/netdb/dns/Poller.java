package dev.netdb.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Waits for the transport's sockets to become ready, on its I/O thread, and opens those sockets:
 * either NIO's {@link java.nio.channels.Selector} over {@code DatagramChannel}s and {@code
 * SocketChannel}s ({@link NioPoller}), or Linux's {@code epoll} over sockets made with plain
 * system calls through FFM ({@link EpollPoller}), which sends a query in about six system calls
 * where NIO needs sixteen or more. Both give the same semantics; the transport and {@link
 * Exchange} see only this interface.
 *
 * <p>Which one a transport uses: the system property {@value #PROPERTY} ({@code epoll} or {@code
 * nio}); by default {@code epoll} where {@link dev.netdb.dns.linux.Syscalls#available()} (Linux on
 * x86_64 or aarch64 with native access enabled for netdb), else {@code nio}. Asking for {@code
 * epoll} where it is unavailable gives {@code nio}.
 *
 * <p>Threads: {@link #openUdp}, {@link #openTcp}, {@link #reconnect} and the sockets' {@code
 * close} may run on any thread; everything else only on the I/O thread, except {@link #wakeup()}.
 */
sealed interface Poller extends AutoCloseable permits NioPoller, EpollPoller {
  /** The system property that chooses the implementation: {@code epoll} or {@code nio}. */
  String PROPERTY = "netdb.dns.transport";
  /** Ready to read (or failed: an error is reported as readiness, as NIO and epoll both do). */
  int READ = 1;
  /** Ready to write. */
  int WRITE = 4;
  /** A non-blocking TCP connect has finished (or failed). */
  int CONNECT = 8;

  /** What the poller hands a ready socket to. */
  interface Io {
    /** Returns the exchange whose socket this is, for failure isolation; null for a shared socket. */
    Exchange exchange();

    /** Acts on readiness {@code ops} ({@link #READ}, {@link #WRITE}, {@link #CONNECT}). */
    void ready(int ops);
  }

  /** Receives each ready socket of a {@link #select}. */
  interface Ready {
    void on(Io io, int ops);
  }

  /** Returns the poller the system property and this JVM allow (see the class comment). */
  static Poller open() throws IOException {
    String asked = System.getProperty(PROPERTY, "");
    if (!asked.equals("nio") && dev.netdb.dns.linux.Syscalls.available()) return new EpollPoller();
    return new NioPoller();
  }

  /** Returns {@code "epoll"} or {@code "nio"}. */
  String name();

  /**
   * Opens a non-blocking UDP socket connected to {@code server}, on a fresh ephemeral port the
   * kernel picks at random (Linux {@code inet_autobind} on {@code connect}), so the kernel delivers
   * to it only datagrams from that address and port and reports ICMP port unreachable, as glibc's
   * connected {@code send_dg} socket does. Checks {@link LoopbackOnly} first.
   */
  UdpSocket openUdp(InetSocketAddress server) throws IOException;

  /**
   * Moves a used UDP socket, out of every watch ({@link #cancel}), to a fresh random ephemeral
   * port connected to {@code server}, as {@link #openUdp} would give a new socket, without closing
   * and reopening it; returns false where it cannot (then the caller closes the socket). Checks
   * {@link LoopbackOnly} first.
   */
  boolean reconnect(UdpSocket socket, InetSocketAddress server);

  /** Takes the datagrams of a {@link #receive(UdpSocket, ByteBuffer, Datagrams)}. */
  interface Datagrams {
    /**
     * Acts on one datagram, its bytes from the buffer's position to its limit (the buffer is
     * reused for the next one); returns false to stop reading.
     */
    boolean datagram(ByteBuffer data);
  }

  /**
   * Sends {@code datagrams[from]} and as many after it, up to {@code datagrams[to - 1]}, as this
   * poller sends in one system call ({@code sendmmsg} on epoll; here, just the first), in order;
   * returns how many were sent, or 0 when the first would block (the socket's buffer is full: it is
   * not sent). An error after the first is not reported (the kernel's {@code sendmmsg} loses it):
   * the next call starts with the datagram that failed.
   *
   * @throws IOException what failed {@code datagrams[from]}; nothing was sent
   */
  default int send(UdpSocket socket, byte[][] datagrams, int from, int to) throws IOException {
    return socket.send(datagrams[from]) == 0 ? 0 : 1;
  }

  /**
   * Reads the datagrams waiting on {@code socket}, in order, handing each to {@code sink} until it
   * returns false, in as few system calls as this poller can ({@code recvmmsg} on epoll; here, a
   * loop of {@link UdpSocket#receive} into {@code buf}, up to the first empty read). After a
   * false, the datagrams the same system call read are dropped; the rest stay queued.
   *
   * @throws IOException what a read failed with (then the datagrams before it have been handed)
   */
  default void receive(UdpSocket socket, ByteBuffer buf, Datagrams sink) throws IOException {
    while (socket.receive(buf) > 0 && sink.datagram(buf)) {
      // the sink has taken the datagram
    }
  }

  /** Opens a non-blocking TCP socket and starts connecting it to {@code server}. */
  TcpSocket openTcp(InetSocketAddress server) throws IOException;

  /** Watches {@code socket} for reading, handing it to {@code io}. */
  void register(UdpSocket socket, Io io) throws IOException;

  /** Watches {@code socket} for {@code ops}, handing it to {@code io}. */
  void register(TcpSocket socket, int ops, Io io) throws IOException;

  /** Changes what {@code socket} is watched for. */
  void interest(TcpSocket socket, int ops) throws IOException;

  /**
   * Stops handing {@code socket} to its {@link Io}; it stays open (after the next {@link #select}
   * the socket pool's thread closes it or moves it to a fresh port, {@link #reconnect}).
   */
  void cancel(UdpSocket socket);

  /** Stops watching {@code socket} and closes it. */
  void closeTcp(TcpSocket socket);

  /**
   * Waits up to {@code timeoutMillis} (0: until woken or ready; -1: not at all) and hands every
   * ready socket to {@code ready}.
   */
  void select(long timeoutMillis, Ready ready) throws IOException;

  /** Makes a {@link #select} in progress, or the next one, return at once; any thread. */
  void wakeup();

  /** Stops watching; the sockets themselves are closed by their owners. */
  @Override
  void close();

  /** A non-blocking UDP socket connected to one DNS server. */
  sealed interface UdpSocket permits NioPoller.Udp, EpollPoller.Udp {
    /** Sends one datagram; returns its length, or 0 when the socket's buffer is full (not sent). */
    int send(byte[] datagram) throws IOException;

    /**
     * Reads one datagram into {@code buf} (cleared first; flipped after), returning its length,
     * or 0 or less when none waits.
     *
     * @throws java.net.PortUnreachableException when an ICMP port unreachable came back
     */
    int receive(ByteBuffer buf) throws IOException;

    /** Returns the local (source) port. */
    int localPort() throws IOException;

    boolean isOpen();

    /** Closes the socket; never fails. */
    void close();
  }

  /** A non-blocking TCP socket connecting or connected to one DNS server. */
  sealed interface TcpSocket permits NioPoller.Tcp, EpollPoller.Tcp {
    /** Reports whether the connect finished at once (loopback may). */
    boolean connected();

    /** Completes a connect that was in progress, or throws what failed it. */
    void finishConnect() throws IOException;

    /** Writes from {@code buf}'s position, advancing it. */
    void write(ByteBuffer buf) throws IOException;

    /** Reads into {@code buf} at its position, advancing it; -1 at end of stream. */
    int read(ByteBuffer buf) throws IOException;
  }
}
