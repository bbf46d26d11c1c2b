package dev.netdb.dns.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Locale;
import java.util.Set;

/**
 * Calls {@code socket(2)}, {@code connect(2)} (also to disconnect), {@code send(2)}, {@code
 * recv(2)}, {@code sendmmsg(2)} and {@code recvmmsg(2)} (through {@link MessageVector}), {@code close(2)}, {@code getsockopt(2)}, {@code getsockname(2)}, {@code
 * epoll_create1(2)}, {@code epoll_ctl(2)}, {@code epoll_wait(2)} and {@code eventfd(2)} through
 * glibc's wrappers. Every call that can fail captures {@code errno} and reports it as an {@link
 * IOException} whose message is glibc's {@code strerror} text for the common cases ({@code
 * "Too many open files"} for {@code EMFILE}, as NIO reports it), so callers treat both transports' failures alike.
 *
 * <p>The calls that never block (every one here but {@code epoll_wait}) are linked {@link
 * Linker.Option#critical critical} with heap access: no thread-state transition, and a
 * {@code byte[]} or heap buffer is passed to the kernel without a copy.
 *
 * <p>Loading this class looks the symbols up, so touch it only after {@link #available()}.
 */
// Restricted FFM methods are used only after available() confirmed native access.
@SuppressWarnings("restricted")
public final class Syscalls {
  private Syscalls() {}

  /** {@code AF_INET}. */
  public static final int AF_INET = 2;
  /** {@code AF_INET6}. */
  public static final int AF_INET6 = 10;
  /** {@code SOCK_STREAM}. */
  public static final int SOCK_STREAM = 1;
  /** {@code SOCK_DGRAM}. */
  public static final int SOCK_DGRAM = 2;
  /** {@code SOCK_NONBLOCK | SOCK_CLOEXEC}, the same on x86_64 and aarch64. */
  private static final int NONBLOCK_CLOEXEC = 0x800 | 0x80000;
  private static final int EPOLL_CLOEXEC = 0x80000;
  /** {@code EPOLLIN}: readable. */
  public static final int EPOLLIN = 0x1;
  /** {@code EPOLLOUT}: writable (a TCP connect has ended). */
  public static final int EPOLLOUT = 0x4;
  /** {@code EPOLLERR}: an error is pending (always reported). */
  public static final int EPOLLERR = 0x8;
  /** {@code EPOLLHUP}: hung up (always reported). */
  public static final int EPOLLHUP = 0x10;
  /** {@code EPOLL_CTL_ADD}. */
  public static final int EPOLL_CTL_ADD = 1;
  /** {@code EPOLL_CTL_DEL}. */
  public static final int EPOLL_CTL_DEL = 2;
  /** {@code EPOLL_CTL_MOD}. */
  public static final int EPOLL_CTL_MOD = 3;
  /** {@code MSG_NOSIGNAL}: a TCP send to a reset peer fails with EPIPE instead of raising SIGPIPE. */
  private static final int MSG_NOSIGNAL = 0x4000;
  /** {@code MSG_DONTWAIT}: this call does not block. */
  private static final int MSG_DONTWAIT = 0x40;
  private static final int SOL_SOCKET = 1;
  private static final int SO_ERROR = 4;
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int ENFILE = 23;
  static final int EMFILE = 24;
  static final int ECONNREFUSED = 111;
  static final int EINPROGRESS = 115;

  private static final Set<String> ARCHES = Set.of("amd64", "x86_64", "aarch64");
  /** {@code struct epoll_event}: packed (12 bytes) on x86_64, naturally aligned (16) on aarch64. */
  public static final long EPOLL_EVENT_SIZE;
  private static final long EPOLL_DATA_OFFSET;

  static {
    boolean x86 = !System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).equals("aarch64");
    EPOLL_EVENT_SIZE = x86 ? 12 : 16;
    EPOLL_DATA_OFFSET = x86 ? 4 : 8;
  }

  /**
   * Reports whether these calls can be made here: Linux on x86_64 or aarch64 (the ABIs whose
   * {@code epoll_event} layout this class knows) with native access enabled for netdb's module,
   * and every symbol found. Checked once.
   */
  public static boolean available() {
    return Availability.OK;
  }

  private static final class Availability {
    static final boolean OK = check();

    private static boolean check() {
      String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
      if (!System.getProperty("os.name", "").equals("Linux") || !ARCHES.contains(arch)
          || !Syscalls.class.getModule().isNativeAccessEnabled()) {
        return false;
      }
      try {
        return Handles.CLOSE != null;
      } catch (LinkageError | RuntimeException e) {
        return false;
      }
    }
  }

  private static final class Handles {
    static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");
    static final Linker.Option CRITICAL = Linker.Option.critical(true);
    static final MethodHandle SOCKET = quick("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle CONNECT = quick("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle SEND = quick("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    static final MethodHandle RECV = quick("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    static final MethodHandle SENDMMSG = quick("sendmmsg", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle RECVMMSG = quick("recvmmsg",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle CLOSE = quick("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle GETSOCKOPT = quick("getsockopt",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle GETSOCKNAME = quick("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle EPOLL_CREATE1 = quick("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle EPOLL_CTL = quick("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle EVENTFD = quick("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle WRITE = quick("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    static final MethodHandle READ = quick("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    // epoll_wait blocks: an ordinary downcall, so the JVM can reach a safepoint meanwhile.
    static final MethodHandle EPOLL_WAIT = LINKER.downcallHandle(symbol("epoll_wait"),
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO_OPT);

    private static MemorySegment symbol(String name) {
      return LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    private static MethodHandle quick(String name, FunctionDescriptor fd) {
      return LINKER.downcallHandle(symbol(name), fd, ERRNO_OPT, CRITICAL);
    }
  }

  /** Each thread's {@code errno} capture segment. */
  private static final ThreadLocal<MemorySegment> STATE =
      ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Handles.CALL_STATE));

  private static MemorySegment state() {
    return STATE.get();
  }

  private static int errno(MemorySegment state) {
    return (int) Handles.ERRNO.get(state, 0L);
  }

  /**
   * Opens a non-blocking, close-on-exec socket: {@code socket(family, type | SOCK_NONBLOCK |
   * SOCK_CLOEXEC, 0)}, one call where NIO needs three ({@code socket}, two {@code fcntl}).
   */
  public static int socket(int family, int type) throws IOException {
    MemorySegment st = state();
    try {
      int fd = (int) Handles.SOCKET.invokeExact(st, family, type | NONBLOCK_CLOEXEC, 0);
      if (fd < 0) throw error("socket", errno(st));
      return fd;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Connects {@code fd} to {@code address} ({@code connect(2)}); on a UDP socket this also binds it
   * to a random ephemeral port (Linux {@code inet_autobind}), so no {@code bind} is needed. Returns
   * false for a non-blocking TCP connect still in progress ({@code EINPROGRESS}).
   */
  public static boolean connect(int fd, InetSocketAddress address) throws IOException {
    byte[] sa = sockaddr(address);
    MemorySegment st = state();
    try {
      int r = (int) Handles.CONNECT.invokeExact(st, fd, MemorySegment.ofArray(sa), sa.length);
      if (r == 0) return true;
      int errno = errno(st);
      if (errno == EINPROGRESS) return false;
      throw error("connect", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Dissolves a UDP socket's association ({@code connect(2)} with {@code AF_UNSPEC}). On a socket
   * whose port the kernel picked (no {@code bind}), Linux {@code __udp_disconnect} also unhashes it
   * and forgets the port, so the port takes no more datagrams and the next {@link #connect} picks
   * a fresh random ephemeral port ({@code inet_autobind}), as a new socket's would. Datagrams
   * already queued stay queued: read them off before reusing the socket.
   */
  public static void disconnect(int fd) throws IOException {
    byte[] unspec = new byte[16]; // sa_family AF_UNSPEC (0); Linux reads only the family
    MemorySegment st = state();
    try {
      int r = (int) Handles.CONNECT.invokeExact(st, fd, MemorySegment.ofArray(unspec), unspec.length);
      if (r < 0) throw error("disconnect", errno(st));
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Sends {@code buf} on a connected socket ({@code send(2)} with {@code MSG_NOSIGNAL}); returns
   * the bytes sent, or 0 when the socket's buffer is full ({@code EAGAIN}).
   *
   * @throws PortUnreachableException for {@code ECONNREFUSED} (an ICMP error from an earlier send)
   */
  public static int send(int fd, MemorySegment buf) throws IOException {
    MemorySegment st = state();
    try {
      long n = (long) Handles.SEND.invokeExact(st, fd, buf, buf.byteSize(), MSG_NOSIGNAL);
      if (n >= 0) return (int) n;
      int errno = errno(st);
      if (errno == EAGAIN || errno == EINTR) return 0;
      throw error("send", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Receives into {@code buf} from a connected socket ({@code recv(2)}); returns the bytes read (a
   * datagram is cut to the buffer), -1 when nothing is waiting ({@code EAGAIN}), and, on a stream
   * socket, 0 at end of stream.
   *
   * @throws PortUnreachableException for {@code ECONNREFUSED}: an ICMP port unreachable reached
   *     this connected UDP socket (as NIO reports it)
   */
  public static int recv(int fd, MemorySegment buf) throws IOException {
    MemorySegment st = state();
    try {
      long n = (long) Handles.RECV.invokeExact(st, fd, buf, buf.byteSize(), 0);
      if (n >= 0) return (int) n;
      int errno = errno(st);
      if (errno == EAGAIN || errno == EINTR) return -1;
      throw error("recv", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Sends the first {@code vlen} messages of native {@code struct mmsghdr} array {@code msgvec} on
   * a connected socket ({@code sendmmsg(2)} with {@code MSG_NOSIGNAL}); returns how many were
   * sent, or 0 when the first would block ({@code EAGAIN}).
   *
   * @throws PortUnreachableException for {@code ECONNREFUSED} on the first message
   */
  static int sendmmsg(int fd, MemorySegment msgvec, int vlen) throws IOException {
    MemorySegment st = state();
    try {
      int n = (int) Handles.SENDMMSG.invokeExact(st, fd, msgvec, vlen, MSG_NOSIGNAL);
      if (n >= 0) return n;
      int errno = errno(st);
      if (errno == EAGAIN || errno == EINTR) return 0;
      throw error("sendmmsg", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Receives up to {@code vlen} datagrams into native {@code struct mmsghdr} array {@code msgvec}
   * from a connected socket without blocking ({@code recvmmsg(2)} with {@code MSG_DONTWAIT}, no
   * timeout); returns how many, or -1 when none waits ({@code EAGAIN}). An error that comes after
   * the first datagram is left for the next call, as the kernel does.
   *
   * @throws PortUnreachableException for {@code ECONNREFUSED} (an ICMP port unreachable)
   */
  static int recvmmsg(int fd, MemorySegment msgvec, int vlen) throws IOException {
    MemorySegment st = state();
    try {
      int n = (int) Handles.RECVMMSG.invokeExact(st, fd, msgvec, vlen, MSG_DONTWAIT, MemorySegment.NULL);
      if (n >= 0) return n;
      int errno = errno(st);
      if (errno == EAGAIN || errno == EINTR) return -1;
      throw error("recvmmsg", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Closes {@code fd} ({@code close(2)}); its epoll registrations go with it. Never fails. */
  public static void close(int fd) {
    try {
      int unused = (int) Handles.CLOSE.invokeExact(state(), fd); // EINTR still closes on Linux
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Returns and clears the socket's pending error ({@code getsockopt(SO_ERROR)}), 0 if none. */
  public static int pendingError(int fd) throws IOException {
    MemorySegment st = state();
    try (Arena a = Arena.ofConfined()) {
      MemorySegment value = a.allocate(JAVA_INT);
      MemorySegment len = a.allocate(JAVA_INT);
      len.set(JAVA_INT, 0, 4);
      int r = (int) Handles.GETSOCKOPT.invokeExact(st, fd, SOL_SOCKET, SO_ERROR, value, len);
      if (r < 0) throw error("getsockopt", errno(st));
      return value.get(JAVA_INT, 0);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Throws the {@link IOException} that {@link #pendingError} value {@code errno} stands for. */
  public static void throwIfError(String call, int errno) throws IOException {
    if (errno != 0) throw error(call, errno);
  }

  /** Returns the local port of a bound socket ({@code getsockname(2)}). */
  public static int localPort(int fd) throws IOException {
    MemorySegment st = state();
    try (Arena a = Arena.ofConfined()) {
      MemorySegment addr = a.allocate(28);
      MemorySegment len = a.allocate(JAVA_INT);
      len.set(JAVA_INT, 0, 28);
      int r = (int) Handles.GETSOCKNAME.invokeExact(st, fd, addr, len);
      if (r < 0) throw error("getsockname", errno(st));
      return (addr.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2) & 0xFF) << 8
          | addr.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 3) & 0xFF;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Creates an epoll instance ({@code epoll_create1(EPOLL_CLOEXEC)}). */
  public static int epollCreate() throws IOException {
    MemorySegment st = state();
    try {
      int fd = (int) Handles.EPOLL_CREATE1.invokeExact(st, EPOLL_CLOEXEC);
      if (fd < 0) throw error("epoll_create1", errno(st));
      return fd;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Adds, changes or removes {@code fd} in {@code epfd}'s interest list ({@code epoll_ctl(2)}),
   * level-triggered, with {@code data} handed back by {@link #epollWait}.
   */
  public static void epollCtl(int epfd, int op, int fd, int events, long data) throws IOException {
    MemorySegment st = state();
    byte[] ev = new byte[(int) EPOLL_EVENT_SIZE];
    MemorySegment seg = MemorySegment.ofArray(ev);
    seg.set(JAVA_INT_UNALIGNED, 0, events);
    seg.set(JAVA_LONG_UNALIGNED, EPOLL_DATA_OFFSET, data);
    try {
      int r = (int) Handles.EPOLL_CTL.invokeExact(st, epfd, op, fd, seg);
      if (r < 0) throw error("epoll_ctl", errno(st));
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  private static final java.lang.foreign.ValueLayout.OfLong JAVA_LONG_UNALIGNED = JAVA_LONG.withByteAlignment(1);
  private static final java.lang.foreign.ValueLayout.OfInt JAVA_INT_UNALIGNED = JAVA_INT.withByteAlignment(1);

  /**
   * Waits up to {@code timeoutMillis} (-1: forever, 0: not at all) for events on {@code epfd}
   * ({@code epoll_wait(2)}) into {@code events}, a native array of {@link #EPOLL_EVENT_SIZE}-byte
   * entries; returns how many arrived (0 on timeout or {@code EINTR}).
   */
  public static int epollWait(int epfd, MemorySegment events, int timeoutMillis) throws IOException {
    MemorySegment st = state();
    try {
      int n = (int) Handles.EPOLL_WAIT.invokeExact(st, epfd, events, (int) (events.byteSize() / EPOLL_EVENT_SIZE), timeoutMillis);
      if (n >= 0) return n;
      int errno = errno(st);
      if (errno == EINTR) return 0;
      throw error("epoll_wait", errno);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Returns the events of entry {@code i} of an {@link #epollWait} array. */
  public static int eventMask(MemorySegment events, int i) {
    return events.get(JAVA_INT_UNALIGNED, i * EPOLL_EVENT_SIZE);
  }

  /** Returns the data of entry {@code i} of an {@link #epollWait} array. */
  public static long eventData(MemorySegment events, int i) {
    return events.get(JAVA_LONG_UNALIGNED, i * EPOLL_EVENT_SIZE + EPOLL_DATA_OFFSET);
  }

  /** Opens a non-blocking, close-on-exec event counter ({@code eventfd(2)}), for wake-ups. */
  public static int eventfd() throws IOException {
    MemorySegment st = state();
    try {
      int fd = (int) Handles.EVENTFD.invokeExact(st, 0, 0x800 | 0x80000); // EFD_NONBLOCK | EFD_CLOEXEC
      if (fd < 0) throw error("eventfd", errno(st));
      return fd;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Adds 1 to an eventfd's counter ({@code write(2)} of 8 bytes), making it readable. */
  public static void signal(int eventfd) {
    byte[] one = {1, 0, 0, 0, 0, 0, 0, 0}; // little-endian 1 on both ABIs
    try {
      long unused = (long) Handles.WRITE.invokeExact(state(), eventfd, MemorySegment.ofArray(one), 8L); // EAGAIN: already signalled
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Resets an eventfd's counter to 0 ({@code read(2)} of 8 bytes). */
  public static void drain(int eventfd) {
    byte[] value = new byte[8];
    try {
      long unused = (long) Handles.READ.invokeExact(state(), eventfd, MemorySegment.ofArray(value), 8L); // EAGAIN: already 0
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /**
   * Returns {@code struct sockaddr_in} (16 bytes) or {@code sockaddr_in6} (28 bytes, with the
   * scope ID of a link-local address) for {@code address}, port in network byte order.
   */
  static byte[] sockaddr(InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    int port = address.getPort();
    if (ip.length == 4) {
      byte[] sa = new byte[16];
      sa[0] = AF_INET; // sa_family is host-order u16: little-endian on both ABIs
      sa[2] = (byte) (port >> 8);
      sa[3] = (byte) port;
      System.arraycopy(ip, 0, sa, 4, 4);
      return sa;
    }
    byte[] sa = new byte[28];
    sa[0] = AF_INET6;
    sa[2] = (byte) (port >> 8);
    sa[3] = (byte) port;
    System.arraycopy(ip, 0, sa, 8, 16);
    int scope = address.getAddress() instanceof Inet6Address a6 ? a6.getScopeId() : 0;
    MemorySegment.ofArray(sa).set(JAVA_INT_UNALIGNED, 24, scope);
    return sa;
  }

  /** Returns the address family of {@code address}: {@link #AF_INET} or {@link #AF_INET6}. */
  public static int family(InetSocketAddress address) {
    return address.getAddress() instanceof Inet6Address ? AF_INET6 : AF_INET;
  }

  /**
   * Returns the exception for a failed call: {@link PortUnreachableException} for {@code
   * ECONNREFUSED}, else an {@link IOException} with {@code strerror}'s text.
   */
  static IOException error(String call, int errno) {
    return switch (errno) {
      case ECONNREFUSED -> new PortUnreachableException(call + ": Connection refused");
      case EMFILE -> new IOException("Too many open files");
      case ENFILE -> new IOException("Too many open files in system");
      default -> new IOException(call + ": " + Errnos.text(errno) + " (errno " + errno + ")");
    };
  }
}
