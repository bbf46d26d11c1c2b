package dev.netdb.os;

import static dev.netdb.os.bindings.NetdbLayouts.PROTOENT;
import static dev.netdb.os.bindings.NetdbLayouts.P_ALIASES;
import static dev.netdb.os.bindings.NetdbLayouts.P_NAME;
import static dev.netdb.os.bindings.NetdbLayouts.P_PROTO;
import static dev.netdb.os.bindings.NetdbLayouts.SERVENT;
import static dev.netdb.os.bindings.NetdbLayouts.S_ALIASES;
import static dev.netdb.os.bindings.NetdbLayouts.S_NAME;
import static dev.netdb.os.bindings.NetdbLayouts.S_PORT;
import static dev.netdb.os.bindings.NetdbLayouts.S_PROTO;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.dns.LookupFailure;
import dev.netdb.os.bindings.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Looks up the services and protocols databases through glibc's reentrant calls ({@code
 * getservbyname_r}, {@code getservbyport_r}, {@code getprotobyname_r}, {@code
 * getprotobynumber_r}), and lists them with {@code getservent_r} and {@code getprotoent_r}.
 *
 * <p>Keyed lookups share no state and take no lock. Listing is different: glibc keeps one cursor
 * per database for the whole process ({@code setservent}/{@code endservent} move it), so two
 * listings at once would interleave; each database's listing therefore holds a JVM-wide lock.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
final class Databases {
  private Databases() {}

  private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  private static final ReentrantLock SERVICES_CURSOR = new ReentrantLock();
  private static final ReentrantLock PROTOCOLS_CURSOR = new ReentrantLock();

  /** {@code ntohs} of the low 16 bits of {@code s_port}, which glibc stores as {@code htons(port)}. */
  static int ntohs(int value) {
    short s = (short) value;
    return Short.toUnsignedInt(LITTLE ? Short.reverseBytes(s) : s);
  }

  /** {@code htons} of a host-order port, as an {@code int} for {@code getservbyport_r}. */
  static int htons(int port) {
    short s = (short) port;
    return Short.toUnsignedInt(LITTLE ? Short.reverseBytes(s) : s);
  }

  static Servent getservbyname(String name, String proto) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment cName = NativeText.cString(arena, name, "service name");
      MemorySegment cProto = NativeText.cString(arena, proto, "protocol name");
      MemorySegment ent = arena.allocate(SERVENT);
      MemorySegment result = arena.allocate(ADDRESS);
      GrowingBuffer.run(
          arena, name, (buf, len) -> Libc.getservbyname_r(cName, cProto, ent, buf, len, result));
      return service(result);
    }
  }

  static Servent getservbyport(int port, String proto) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment cProto = NativeText.cString(arena, proto, "protocol name");
      MemorySegment ent = arena.allocate(SERVENT);
      MemorySegment result = arena.allocate(ADDRESS);
      int netPort = htons(port);
      GrowingBuffer.run(
          arena,
          Integer.toString(port),
          (buf, len) -> Libc.getservbyport_r(netPort, cProto, ent, buf, len, result));
      return service(result);
    }
  }

  static Protoent getprotobyname(String name) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment cName = NativeText.cString(arena, name, "protocol name");
      MemorySegment ent = arena.allocate(PROTOENT);
      MemorySegment result = arena.allocate(ADDRESS);
      GrowingBuffer.run(
          arena, name, (buf, len) -> Libc.getprotobyname_r(cName, ent, buf, len, result));
      return protocol(result);
    }
  }

  static Protoent getprotobynumber(int number) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ent = arena.allocate(PROTOENT);
      MemorySegment result = arena.allocate(ADDRESS);
      GrowingBuffer.run(
          arena,
          Integer.toString(number),
          (buf, len) -> Libc.getprotobynumber_r(number, ent, buf, len, result));
      return protocol(result);
    }
  }

  /** Lists the services database in file order, as {@code getent services} does. */
  static List<Servent> services() {
    List<Servent> out = new ArrayList<>();
    SERVICES_CURSOR.lock();
    try (Arena arena = Arena.ofConfined()) {
      Libc.setservent(0);
      try {
        MemorySegment ent = arena.allocate(SERVENT);
        MemorySegment result = arena.allocate(ADDRESS);
        // glibc's files module rewinds to the entry when it answers ERANGE, so a retry with a
        // larger buffer reads the same entry again.
        while (true) {
          int rc =
              GrowingBuffer.run(
                  arena, "services", (buf, len) -> Libc.getservent_r(ent, buf, len, result));
          Servent e = service(result);
          if (e == null) {
            endOfListing(rc, "services");
            break;
          }
          out.add(e);
        }
      } finally {
        Libc.endservent();
      }
    } finally {
      SERVICES_CURSOR.unlock();
    }
    return List.copyOf(out);
  }

  /** Lists the protocols database in file order, as {@code getent protocols} does. */
  static List<Protoent> protocols() {
    List<Protoent> out = new ArrayList<>();
    PROTOCOLS_CURSOR.lock();
    try (Arena arena = Arena.ofConfined()) {
      Libc.setprotoent(0);
      try {
        MemorySegment ent = arena.allocate(PROTOENT);
        MemorySegment result = arena.allocate(ADDRESS);
        while (true) {
          int rc =
              GrowingBuffer.run(
                  arena, "protocols", (buf, len) -> Libc.getprotoent_r(ent, buf, len, result));
          Protoent e = protocol(result);
          if (e == null) {
            endOfListing(rc, "protocols");
            break;
          }
          out.add(e);
        }
      } finally {
        Libc.endprotoent();
      }
    } finally {
      PROTOCOLS_CURSOR.unlock();
    }
    return List.copyOf(out);
  }

  /** Accepts 0 or {@code ENOENT} as the normal end of a listing; anything else is an error. */
  private static void endOfListing(int rc, String database) {
    if (rc != 0 && rc != Libc.ENOENT) {
      throw LookupFailure.system(rc, Errors.strerror(rc), database);
    }
  }

  private static Servent service(MemorySegment result) {
    MemorySegment p = result.get(ADDRESS, 0);
    if (p.equals(MemorySegment.NULL)) {
      return null;
    }
    MemorySegment s = p.reinterpret(SERVENT.byteSize());
    return new Servent(
        NativeText.read(s.get(ADDRESS, S_NAME)),
        NativeText.readArray(s.get(ADDRESS, S_ALIASES)),
        ntohs(s.get(JAVA_INT, S_PORT)),
        NativeText.read(s.get(ADDRESS, S_PROTO)));
  }

  private static Protoent protocol(MemorySegment result) {
    MemorySegment p = result.get(ADDRESS, 0);
    if (p.equals(MemorySegment.NULL)) {
      return null;
    }
    MemorySegment s = p.reinterpret(PROTOENT.byteSize());
    return new Protoent(
        NativeText.read(s.get(ADDRESS, P_NAME)),
        NativeText.readArray(s.get(ADDRESS, P_ALIASES)),
        s.get(JAVA_INT, P_PROTO));
  }
}
