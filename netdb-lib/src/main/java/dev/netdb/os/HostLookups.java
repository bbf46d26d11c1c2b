package dev.netdb.os;

import static dev.netdb.os.bindings.NetdbLayouts.HOSTENT;
import static dev.netdb.os.bindings.NetdbLayouts.H_ADDRTYPE;
import static dev.netdb.os.bindings.NetdbLayouts.H_ADDR_LIST;
import static dev.netdb.os.bindings.NetdbLayouts.H_ALIASES;
import static dev.netdb.os.bindings.NetdbLayouts.H_LENGTH;
import static dev.netdb.os.bindings.NetdbLayouts.H_NAME;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.netdb.backend.Hostent;
import dev.netdb.os.bindings.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls {@code gethostbyname2_r} and {@code gethostbyaddr_r}, taking {@code h_errno} from their
 * out-parameter (never the thread-global one) and turning the {@code hostent} into a {@link
 * Hostent} as CPython's {@code gethost_common} does.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
final class HostLookups {
  private HostLookups() {}

  static Hostent byName(String host, int family) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment name = NativeText.cString(arena, host, "host name");
      MemorySegment ent = arena.allocate(HOSTENT);
      MemorySegment result = arena.allocate(ADDRESS);
      MemorySegment herr = arena.allocate(JAVA_INT);
      GrowingBuffer.run(
          arena,
          host,
          (buf, len) -> Libc.gethostbyname2_r(name, family, ent, buf, len, result, herr));
      return entry(arena, result, herr, host);
    }
  }

  static Hostent byAddress(byte[] address, int family) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment addr = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, address);
      String input = describe(arena, addr, address.length, family);
      MemorySegment ent = arena.allocate(HOSTENT);
      MemorySegment result = arena.allocate(ADDRESS);
      MemorySegment herr = arena.allocate(JAVA_INT);
      GrowingBuffer.run(
          arena,
          input,
          (buf, len) ->
              Libc.gethostbyaddr_r(addr, address.length, family, ent, buf, len, result, herr));
      return entry(arena, result, herr, input);
    }
  }

  /** Returns the entry, or throws {@code herror(h_errno)} when glibc found none. */
  private static Hostent entry(
      Arena arena, MemorySegment result, MemorySegment herr, String input) {
    MemorySegment p = result.get(ADDRESS, 0);
    if (p.equals(MemorySegment.NULL)) {
      throw Errors.host(herr.get(JAVA_INT, 0), input);
    }
    MemorySegment h = p.reinterpret(HOSTENT.byteSize());
    int type = h.get(JAVA_INT, H_ADDRTYPE);
    int length = h.get(JAVA_INT, H_LENGTH);
    List<String> addresses = new ArrayList<>();
    MemorySegment list = h.get(ADDRESS, H_ADDR_LIST);
    if (!list.equals(MemorySegment.NULL)) {
      MemorySegment a = list.reinterpret(Long.MAX_VALUE);
      for (long i = 0; ; i++) {
        MemorySegment addr = a.getAtIndex(ADDRESS, i);
        if (addr.equals(MemorySegment.NULL)) {
          break;
        }
        addresses.add(Sockaddrs.ntop(arena, type, addr.reinterpret(length)));
      }
    }
    return new Hostent(
        NativeText.read(h.get(ADDRESS, H_NAME)),
        NativeText.readArray(h.get(ADDRESS, H_ALIASES)),
        addresses);
  }

  /** Returns the packed address as text for error messages (no lookup), or as hex if odd. */
  private static String describe(Arena arena, MemorySegment addr, int length, int family) {
    if ((family == Sockaddrs.AF_INET && length == 4)
        || (family == Sockaddrs.AF_INET6 && length == 16)) {
      return Sockaddrs.ntop(arena, family, addr);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      byte b = addr.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i);
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
