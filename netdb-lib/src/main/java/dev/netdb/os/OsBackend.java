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

import dev.netdb.AddrInfo;
import dev.netdb.HostEntry;
import dev.netdb.NameInfo;
import dev.netdb.OsBackendUnavailableException;
import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import dev.netdb.SystemException;
import dev.netdb.os.bindings.Libc;
import dev.netdb.python.Backend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Implements {@link Backend} by calling glibc through FFM, so every answer is the machine's own,
 * exactly as CPython's {@code _socket} gets it.
 *
 * <p>Only reentrant calls are used ({@code getaddrinfo}, {@code getnameinfo} and the {@code _r}
 * variants), each with its own confined arena, so instances are safe for concurrent use and hold
 * no lock (listing services or protocols is the one exception, see {@code Databases}). The class
 * does no I/O and no native call until a method is called; {@link #create()} checks once per JVM
 * that the platform (Linux x86_64/aarch64, glibc) and native access allow it.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
public final class OsBackend implements Backend {
  /** CPython's {@code gethostname} buffer: 1024 bytes, of which 1023 are passed. */
  private static final int HOSTNAME_BUFFER = 1024;

  private OsBackend() {}

  /**
   * Returns the OS back end.
   *
   * @throws OsBackendUnavailableException where the platform or native access does not allow
   *     it; the message says why and how to enable native access
   */
  public static OsBackend create() {
    NativeSupport.require();
    return new OsBackend();
  }

  /** Reports whether {@link #create()} succeeds here; checked once, without printing warnings. */
  public static boolean isAvailable() {
    return NativeSupport.status().available();
  }

  /** Returns why the back end is unavailable here, or empty when it is available. */
  public static String unavailableReason() {
    String r = NativeSupport.status().reason();
    return r == null ? "" : r;
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
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = Libc.allocateCallState(arena);
      MemorySegment buf = arena.allocate(HOSTNAME_BUFFER);
      // CPython: gethostname(buf, sizeof buf - 1), then forces the last byte to NUL.
      if (Libc.gethostname(state, buf, HOSTNAME_BUFFER - 1) < 0) {
        int errno = Libc.errno(state);
        throw new SystemException(errno, Errors.strerror(errno), null);
      }
      return buf.getString(0);
    }
  }

  @Override
  public List<AddrInfo> getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
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
      int rc = Libc.getaddrinfo(state, cHost, cService, hints, res);
      if (rc != 0) {
        throw Errors.gai(rc, Libc.errno(state), input);
      }
      MemorySegment first = res.get(ADDRESS, 0);
      try {
        return results(arena, first);
      } finally {
        Libc.freeaddrinfo(first);
      }
    }
  }

  /** Walks the {@code ai_next} list in glibc's order, as CPython's {@code getaddrinfo} does. */
  private static List<AddrInfo> results(Arena arena, MemorySegment first) {
    List<AddrInfo> out = new ArrayList<>();
    for (MemorySegment p = first; !p.equals(MemorySegment.NULL); ) {
      MemorySegment ai = p.reinterpret(ADDRINFO.byteSize());
      int family = ai.get(JAVA_INT, AI_FAMILY);
      String canon = NativeText.read(ai.get(ADDRESS, AI_CANONNAME));
      Sockaddrs.Decoded sa = Sockaddrs.decode(arena, family, ai.get(ADDRESS, AI_ADDR));
      out.add(
          new AddrInfo(
              family,
              ai.get(JAVA_INT, AI_SOCKTYPE),
              ai.get(JAVA_INT, AI_PROTOCOL),
              canon == null ? "" : canon, // CPython: ai_canonname ? ai_canonname : ""
              sa.host(),
              sa.port(),
              sa.flowInfo(),
              sa.scopeId()));
      p = ai.get(ADDRESS, AI_NEXT);
    }
    return List.copyOf(out);
  }

  @Override
  public HostEntry gethostbyname(String host, int family) {
    return HostLookups.byName(host, family);
  }

  @Override
  public HostEntry gethostbyaddr(byte[] address, int family) {
    return HostLookups.byAddress(address, family);
  }

  @Override
  public NameInfo getnameinfo(AddrInfo sockaddr, int flags) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment sa = Sockaddrs.encode(arena, sockaddr);
      // CPython passes NI_MAXHOST and NI_MAXSERV-sized buffers.
      MemorySegment host = arena.allocate(Libc.NI_MAXHOST);
      MemorySegment serv = arena.allocate(Libc.NI_MAXSERV);
      MemorySegment state = Libc.allocateCallState(arena);
      int rc =
          Libc.getnameinfo(
              state, sa, (int) sa.byteSize(), host, Libc.NI_MAXHOST, serv, Libc.NI_MAXSERV, flags);
      if (rc != 0) {
        throw Errors.gai(rc, Libc.errno(state), sockaddr.host());
      }
      return new NameInfo(host.getString(0), serv.getString(0));
    }
  }

  @Override
  public ServiceEntry getservbyname(String name, String proto) {
    return Databases.getservbyname(name, proto);
  }

  @Override
  public ServiceEntry getservbyport(int port, String proto) {
    return Databases.getservbyport(port, proto);
  }

  @Override
  public ProtocolEntry getprotobyname(String name) {
    return Databases.getprotobyname(name);
  }

  @Override
  public ProtocolEntry getprotobynumber(int number) {
    return Databases.getprotobynumber(number);
  }

  @Override
  public List<ServiceEntry> services() {
    return Databases.services();
  }

  @Override
  public List<ProtocolEntry> protocols() {
    return Databases.protocols();
  }
}
