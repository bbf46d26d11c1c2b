package dev.netdb.os;

import static dev.netdb.os.bindings.NetdbLayouts.ADDRINFO;
import static dev.netdb.os.bindings.NetdbLayouts.AI_ADDR;
import static dev.netdb.os.bindings.NetdbLayouts.AI_CANONNAME;
import static dev.netdb.os.bindings.NetdbLayouts.AI_FAMILY;
import static dev.netdb.os.bindings.NetdbLayouts.AI_FLAGS;
import static dev.netdb.os.bindings.NetdbLayouts.AI_NEXT;
import static dev.netdb.os.bindings.NetdbLayouts.AI_PROTOCOL;
import static dev.netdb.os.bindings.NetdbLayouts.AI_SOCKTYPE;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.AddrinfoResult;
import dev.netdb.dns.HErrnoEffect;
import dev.netdb.backend.Hostent;
import dev.netdb.backend.HostAndService;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.ConfigFile;
import dev.netdb.files.FileBytes;
import dev.netdb.files.NsswitchConf;
import dev.netdb.files.ProtocolsDatabase;
import dev.netdb.files.ProtocolsFile;
import dev.netdb.files.ServicesDatabase;
import dev.netdb.files.ServicesFile;
import dev.netdb.os.bindings.Libc;
import dev.netdb.backend.Backend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Implements {@link Backend} by calling glibc through FFM, so every answer is the machine's own,
 * exactly as CPython's {@code _socket} gets it.
 *
 * <p>Only reentrant calls are used ({@code getaddrinfo}, {@code getnameinfo} and the {@code _r}
 * variants), each with its own confined arena, so instances are safe for concurrent use and hold
 * no lock (listing services or protocols is the one exception, see {@code Databases}). The class
 * does no I/O and no native call until a method is called; {@link #create()} checks once per JVM
 * that the platform (Linux x86_64/aarch64, glibc) and native access allow it.
 *
 * <p><b>Asynchronous calls.</b> glibc's calls block, so each {@code *Async} call runs the blocking
 * call on a pool shared by every OS back end in the JVM, and its future completes there (so
 * dependent stages run there too): daemon platform threads named {@code netdb-os-N}, at most 32,
 * started on demand and each ended after 5 s without work; calls beyond that wait in a queue. Platform threads, not virtual ones: a downcall keeps its
 * virtual thread pinned to a carrier for as long as glibc waits for DNS, which would starve every
 * virtual thread of the JVM. A thread is held for each call running, as glibc needs. The back end
 * owns nothing of its own, so {@link #close()} does nothing.
 *
 * <p>{@link #system()}, the instance behind {@code NetDb.os()} and {@code NetDb.system()}, answers
 * a database that {@code /etc/nsswitch.conf} gives to glibc's {@code files} module alone (today
 * services and protocols) from the pure-Java reader of the same file, which needs no native call
 * and gives the same answers; {@link #route} says who answers each database and why (see {@code
 * NssRouting}). {@link #create()} sends every call to glibc.
 *
 * <p><b>{@code h_errno}.</b> Each host call marks the calling thread's {@code h_errno} before it
 * calls glibc and reads it after, on the same thread, and reports what glibc left there ({@link
 * HErrnoEffect}) on its result or failure; the Python layer keeps the per-thread value CPython
 * would read, so the pool thread a call ran on does not matter.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
public final class OsBackend implements Backend {
  /** CPython's {@code gethostname} buffer: 1024 bytes, of which 1023 are passed. */
  private static final int HOSTNAME_BUFFER = 1024;
  /** Most glibc calls the asynchronous methods run at once. */
  private static final int POOL_THREADS = 32;
  /** How long a pool thread waits for work before it ends. */
  private static final int POOL_IDLE_SECONDS = 5;

  /** The pool, created on first asynchronous call (a holder class, so not at class set-up). */
  private static final class Pool {
    static final ExecutorService EXECUTOR = create();

    private static ExecutorService create() {
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(
          POOL_THREADS, POOL_THREADS, POOL_IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          r -> Thread.ofPlatform().daemon().name("netdb-os-" + n.incrementAndGet()).unstarted(r));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  /** The nsswitch.conf in force, or null when every call goes to glibc. */
  private final ConfigFile<NsswitchConf> nsswitch;
  private volatile Decided decided;

  /** The routing decided for one version of nsswitch.conf. */
  private record Decided(NsswitchConf conf, NssRouting routing) {}

  private OsBackend(ConfigFile<NsswitchConf> nsswitch) {
    this.nsswitch = nsswitch;
  }

  /**
   * Returns the OS back end that sends every call to glibc, whatever nsswitch.conf says (the
   * differential suites compare this one with the pure-Java back end).
   *
   * @throws OsUnavailableException where the platform or native access does not allow
   *     it; the message says why and how to enable native access
   */
  public static OsBackend create() {
    NativeSupport.require();
    return new OsBackend(null);
  }

  /**
   * Returns the OS back end that answers the databases nsswitch.conf gives to {@code files}
   * alone from the pure-Java readers of {@code /etc/services} and {@code /etc/protocols}, and
   * everything else through glibc. Only the checks that need no FFM run here ({@link
   * #isAvailable()}); the native linker is set up before the first native call, so a command
   * answered from the files never pays for it.
   *
   * @throws OsUnavailableException where the platform or native access does not allow
   *     it; the message says why and how to enable native access
   */
  public static OsBackend system() {
    NativeSupport.requirePlatform();
    return new OsBackend(NsswitchConf.watch(NsswitchConf.DEFAULT_PATH));
  }

  /**
   * Reports whether the back end can run here: Linux on x86_64 or aarch64, native access enabled,
   * glibc loaded. Checked once, without FFM and without printing warnings; binding to glibc is
   * checked before the first native call, and a failure there (not seen on any glibc system)
   * is thrown from that call.
   */
  public static boolean isAvailable() {
    return NativeSupport.platform().available();
  }

  /** Returns what made the back end unavailable here (an exception of the check), or null. */
  public static Throwable unavailableCause() {
    return NativeSupport.status().cause();
  }

  /** Returns why the back end is unavailable here, or empty when it is available. */
  public static String unavailableReason() {
    String r = NativeSupport.platform().reason();
    return r == null ? "" : r;
  }

  /**
   * Returns who answers {@code database} ({@code services}, {@code protocols}, {@code hosts}, ...)
   * on this instance, and why, from the current nsswitch.conf.
   */
  public NssRoute route(String database) {
    if (nsswitch == null) {
      return new NssRoute(database, false, "OsBackend.create() sends every call to glibc");
    }
    NsswitchConf conf = nsswitch.get();
    Decided d = decided;
    if (d == null || d.conf() != conf) {
      d = new Decided(conf, NssRouting.system(conf));
      decided = d;
    }
    return d.routing().route(database);
  }

  /**
   * Returns the bytes of {@code file} when the pure-Java reader answers {@code database} now:
   * nsswitch.conf gives it to files alone and the file can be read. Otherwise null, and glibc
   * answers (a missing or unreadable file is glibc's business: it finds nothing, where the
   * pure-Java back end would use its embedded table). The file is read on every call, as glibc's
   * files module reads it on every call, so a change is seen at once.
   */
  private byte[] filesAnswer(String database, Path file) {
    if (nsswitch == null || !route(database).filesReader()) {
      return null;
    }
    try {
      return FileBytes.read(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns glibc's version ({@code gnu_get_libc_version}), checking availability first. */
  public static String libcVersion() {
    NativeSupport.require();
    return NativeSupport.status().libcVersion();
  }

  @Override
  public String name() {
    return "os";
  }

  @Override
  public String gethostname() {
    NativeSupport.require();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = Libc.allocateCallState(arena);
      MemorySegment buf = arena.allocate(HOSTNAME_BUFFER);
      // CPython: gethostname(buf, sizeof buf - 1), then forces the last byte to NUL.
      if (Libc.gethostname(state, buf, HOSTNAME_BUFFER - 1) < 0) {
        int errno = Libc.errno(state);
        throw LookupFailure.system(errno, Errors.strerror(errno), null);
      }
      return buf.getString(0);
    }
  }

  @Override
  public AddrinfoResult getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    NativeSupport.require();
    String input = host != null ? host : service;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment hints = arena.allocate(ADDRINFO);
      hints.set(JAVA_INT, AI_FLAGS, flags);
      hints.set(JAVA_INT, AI_FAMILY, family);
      hints.set(JAVA_INT, AI_SOCKTYPE, type);
      hints.set(JAVA_INT, AI_PROTOCOL, proto);
      MemorySegment cHost = NativeText.cString(arena, host, "host");
      MemorySegment cService = NativeText.cString(arena, service, "service");
      MemorySegment res = arena.allocate(ADDRESS);
      MemorySegment state = Libc.allocateCallState(arena);
      Libc.markHErrno();
      int rc = Libc.getaddrinfo(state, cHost, cService, hints, res);
      HErrnoEffect hErrno = Errors.hErrnoEffect();
      if (rc != 0) {
        throw Errors.gai(rc, Libc.errno(state), input).withHErrno(hErrno);
      }
      MemorySegment first = res.get(ADDRESS, 0);
      try {
        return new AddrinfoResult(results(arena, first), hErrno);
      } finally {
        Libc.freeaddrinfo(first);
      }
    }
  }

  /** Walks the {@code ai_next} list in glibc's order, as CPython's {@code getaddrinfo} does. */
  private static List<AddressInfo> results(Arena arena, MemorySegment first) {
    List<AddressInfo> out = new ArrayList<>();
    for (MemorySegment p = first; !p.equals(MemorySegment.NULL); ) {
      MemorySegment ai = p.reinterpret(ADDRINFO.byteSize());
      int family = ai.get(JAVA_INT, AI_FAMILY);
      String canon = NativeText.read(ai.get(ADDRESS, AI_CANONNAME));
      Sockaddrs.Decoded sa = Sockaddrs.decode(arena, family, ai.get(ADDRESS, AI_ADDR));
      out.add(
          new AddressInfo(
              family,
              ai.get(JAVA_INT, AI_SOCKTYPE),
              ai.get(JAVA_INT, AI_PROTOCOL),
              canon == null ? "" : canon, // CPython: ai_canonname ? ai_canonname : ""
              sa.address(),
              sa.port(),
              sa.flowInfo(),
              sa.scopeId()));
      p = ai.get(ADDRESS, AI_NEXT);
    }
    return List.copyOf(out);
  }

  @Override
  public Hostent gethostbyname(String host, int family) {
    NativeSupport.require();
    return HostLookups.byName(host, family);
  }

  @Override
  public Hostent gethostbyaddr(byte[] address, int family) {
    NativeSupport.require();
    return HostLookups.byAddress(address, family);
  }

  @Override
  public HostAndService getnameinfo(AddressInfo sockaddr, int flags) {
    NativeSupport.require();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment sa = Sockaddrs.encode(arena, sockaddr);
      // CPython passes NI_MAXHOST and NI_MAXSERV-sized buffers.
      MemorySegment host = arena.allocate(Libc.NI_MAXHOST);
      MemorySegment serv = arena.allocate(Libc.NI_MAXSERV);
      MemorySegment state = Libc.allocateCallState(arena);
      Libc.markHErrno();
      int rc =
          Libc.getnameinfo(
              state, sa, (int) sa.byteSize(), host, Libc.NI_MAXHOST, serv, Libc.NI_MAXSERV, flags);
      HErrnoEffect hErrno = Errors.hErrnoEffect();
      if (rc != 0) {
        throw Errors.gai(rc, Libc.errno(state), sockaddr.host()).withHErrno(hErrno);
      }
      return new HostAndService(host.getString(0), serv.getString(0), hErrno);
    }
  }

  @Override
  public Servent getservbyname(String name, String proto) {
    byte[] file = filesAnswer("services", ServicesDatabase.DEFAULT_PATH);
    if (file != null) {
      return ServicesFile.findByName(file, name, proto);
    }
    NativeSupport.require();
    return Databases.getservbyname(name, proto);
  }

  @Override
  public Servent getservbyport(int port, String proto) {
    byte[] file = filesAnswer("services", ServicesDatabase.DEFAULT_PATH);
    if (file != null) {
      return ServicesFile.findByPort(file, port, proto);
    }
    NativeSupport.require();
    return Databases.getservbyport(port, proto);
  }

  @Override
  public Protoent getprotobyname(String name) {
    byte[] file = filesAnswer("protocols", ProtocolsDatabase.DEFAULT_PATH);
    if (file != null) {
      return ProtocolsFile.findByName(file, name);
    }
    NativeSupport.require();
    return Databases.getprotobyname(name);
  }

  @Override
  public Protoent getprotobynumber(int number) {
    byte[] file = filesAnswer("protocols", ProtocolsDatabase.DEFAULT_PATH);
    if (file != null) {
      return ProtocolsFile.findByNumber(file, number);
    }
    NativeSupport.require();
    return Databases.getprotobynumber(number);
  }

  @Override
  public List<Servent> services() {
    byte[] file = filesAnswer("services", ServicesDatabase.DEFAULT_PATH);
    if (file != null) {
      return ServicesFile.parse(file).entries();
    }
    NativeSupport.require();
    return Databases.services();
  }

  @Override
  public List<Protoent> protocols() {
    byte[] file = filesAnswer("protocols", ProtocolsDatabase.DEFAULT_PATH);
    if (file != null) {
      return ProtocolsFile.parse(file).entries();
    }
    NativeSupport.require();
    return Databases.protocols();
  }

  @Override
  public CompletableFuture<AddrinfoResult> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return onPool(() -> getaddrinfo(host, service, family, type, proto, flags));
  }

  /**
   * Runs {@link #getaddrinfoAsync}; a collecting {@code recorder} first gets the {@code hosts}
   * route ({@link dev.netdb.trace.TraceStep.Nss}): nsswitch.conf's sources for {@code hosts} as
   * glibc will walk them, and {@link #route}'s verdict. glibc's own steps are not visible.
   */
  @Override
  public CompletableFuture<AddrinfoResult> getaddrinfoTraced(String host, String service, int family,
      int type, int proto, int flags, dev.netdb.observe.TraceRecorder recorder) {
    if (recorder.on()) {
      NssRoute r = route("hosts");
      NsswitchConf conf = nsswitch != null ? nsswitch.get() : NsswitchConf.watch(NsswitchConf.DEFAULT_PATH).get();
      recorder.add(new dev.netdb.trace.TraceStep.Nss("hosts",
          conf.sources("hosts").stream().map(String::valueOf).toList(),
          r.filesReader() ? "files" : "glibc", r.reason()));
    }
    return getaddrinfoAsync(host, service, family, type, proto, flags);
  }

  @Override
  public CompletableFuture<Hostent> gethostbynameAsync(String host, int family) {
    return onPool(() -> gethostbyname(host, family));
  }

  @Override
  public CompletableFuture<Hostent> gethostbyaddrAsync(byte[] address, int family) {
    byte[] copy = address.clone();
    return onPool(() -> gethostbyaddr(copy, family));
  }

  @Override
  public CompletableFuture<HostAndService> getnameinfoAsync(AddressInfo sockaddr, int flags) {
    return onPool(() -> getnameinfo(sockaddr, flags));
  }

  /** Runs a blocking glibc call on the pool; the future completes on the pool thread. */
  private static <T> CompletableFuture<T> onPool(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, Pool.EXECUTOR);
  }
}
