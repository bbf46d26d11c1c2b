package dev.netdb.os;

import static dev.netdb.os.bindings.NetdbLayouts.NET_INT;
import static dev.netdb.os.bindings.NetdbLayouts.NET_SHORT;
import static dev.netdb.os.bindings.NetdbLayouts.SIN6_ADDR;
import static dev.netdb.os.bindings.NetdbLayouts.SIN6_FAMILY;
import static dev.netdb.os.bindings.NetdbLayouts.SIN6_FLOWINFO;
import static dev.netdb.os.bindings.NetdbLayouts.SIN6_PORT;
import static dev.netdb.os.bindings.NetdbLayouts.SIN6_SCOPE_ID;
import static dev.netdb.os.bindings.NetdbLayouts.SIN_ADDR;
import static dev.netdb.os.bindings.NetdbLayouts.SIN_FAMILY;
import static dev.netdb.os.bindings.NetdbLayouts.SIN_PORT;
import static dev.netdb.os.bindings.NetdbLayouts.SOCKADDR_IN;
import static dev.netdb.os.bindings.NetdbLayouts.SOCKADDR_IN6;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.netdb.backend.AddressInfo;
import dev.netdb.os.bindings.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Reads and writes {@code sockaddr_in} and {@code sockaddr_in6}, their addresses kept packed (the
 * API edge writes the text); {@link #ntop} is glibc's own {@code inet_ntop}, for the {@code
 * hostent} address lists.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
final class Sockaddrs {
  private Sockaddrs() {}

  static final int AF_INET = 2;
  static final int AF_INET6 = 10;

  /** A decoded socket address: packed address, port, and (IPv6 only) flow info and scope id. */
  record Decoded(byte[] address, int port, long flowInfo, long scopeId) {}

  /**
   * Decodes the socket address {@code sa} of {@code family}. Port and flow info are converted from
   * network order ({@code ntohs}, {@code ntohl}) as CPython's {@code makesockaddr} does.
   */
  static Decoded decode(Arena arena, int family, MemorySegment sa) {
    if (family == AF_INET) {
      MemorySegment s = sa.reinterpret(SOCKADDR_IN.byteSize());
      byte[] address = s.asSlice(SIN_ADDR, 4).toArray(JAVA_BYTE);
      return new Decoded(address, Short.toUnsignedInt(s.get(NET_SHORT, SIN_PORT)), 0, 0);
    }
    if (family == AF_INET6) {
      MemorySegment s = sa.reinterpret(SOCKADDR_IN6.byteSize());
      byte[] address = s.asSlice(SIN6_ADDR, 16).toArray(JAVA_BYTE);
      return new Decoded(
          address,
          Short.toUnsignedInt(s.get(NET_SHORT, SIN6_PORT)),
          Integer.toUnsignedLong(s.get(NET_INT, SIN6_FLOWINFO)),
          Integer.toUnsignedLong(s.get(JAVA_INT, SIN6_SCOPE_ID)));
    }
    throw new IllegalStateException("glibc returned a socket address of family " + family);
  }

  /**
   * Encodes {@code a} as a {@code sockaddr_in} or {@code sockaddr_in6} in {@code arena}, its
   * packed address copied as it is (CPython's {@code getnameinfo} gets it from a numeric {@code
   * getaddrinfo} first). The port keeps its low 16 bits, as {@code htons} does.
   */
  static MemorySegment encode(Arena arena, AddressInfo a) {
    if (a.family() == AF_INET) {
      MemorySegment s = arena.allocate(SOCKADDR_IN);
      s.set(JAVA_SHORT, SIN_FAMILY, (short) AF_INET);
      s.set(NET_SHORT, SIN_PORT, (short) a.port());
      s.asSlice(SIN_ADDR, 4).copyFrom(MemorySegment.ofArray(a.address()));
      return s;
    }
    if (a.family() == AF_INET6) {
      MemorySegment s = arena.allocate(SOCKADDR_IN6);
      s.set(JAVA_SHORT, SIN6_FAMILY, (short) AF_INET6);
      s.set(NET_SHORT, SIN6_PORT, (short) a.port());
      s.set(NET_INT, SIN6_FLOWINFO, (int) a.flowInfo());
      s.set(JAVA_INT, SIN6_SCOPE_ID, (int) a.scopeId());
      s.asSlice(SIN6_ADDR, 16).copyFrom(MemorySegment.ofArray(a.address()));
      return s;
    }
    throw new IllegalArgumentException(
        "getnameinfo needs an AF_INET or AF_INET6 socket address, not family " + a.family());
  }

  /** Returns glibc's {@code inet_ntop} text of the packed address {@code src}. */
  static String ntop(Arena arena, int family, MemorySegment src) {
    MemorySegment dst = arena.allocate(Libc.INET6_ADDRSTRLEN);
    MemorySegment r = Libc.inet_ntop(family, src, dst, Libc.INET6_ADDRSTRLEN);
    if (r.equals(MemorySegment.NULL)) {
      throw new IllegalStateException("inet_ntop failed for family " + family);
    }
    return dst.getString(0);
  }
}
