package dev.netdb.resolve;

import dev.netdb.text.IpLiterals;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Finds the source address the kernel would use to reach a destination, as glibc's
 * {@code getaddrinfo} does before sorting: {@code connect()} on a UDP socket, then {@code
 * getsockname()}. Connecting a UDP socket sends no packet.
 */
@FunctionalInterface
public interface SourceProbe {

  /**
   * Returns the packed source address (same length as {@code destination}; for a v4-mapped IPv6
   * destination the mapped form) or null when the destination is unreachable.
   */
  byte[] sourceFor(byte[] destination, int scopeId, int port);

  /** Returns the probe that asks the kernel through a connected {@link DatagramChannel}. */
  static SourceProbe udpConnect() {
    return (dest, scopeId, port) -> {
      boolean v6 = dest.length == 16;
      byte[] target = dest.clone();
      // Linux treats a connect to the unspecified address as one to loopback; do the same here so
      // the JDK never sees an any-local address.
      if (isZero(target)) {
        target[target.length - 1] = 1;
        if (!v6) {
          target[0] = 127;
        }
      }
      try (DatagramChannel ch =
          DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
        InetAddress ia = v6 && !IpLiterals.isV4Mapped(target)
            ? Inet6Address.getByAddress(null, target, scopeId)
            : InetAddress.getByAddress(null, v6 ? java.util.Arrays.copyOfRange(target, 12, 16) : target);
        // The JDK refuses to connect to port 0, which Linux allows; the port does not take part
        // in choosing the source address, so any other port gives the kernel's answer.
        ch.connect(new InetSocketAddress(ia, port == 0 ? 9 : port));
        InetAddress local = ((InetSocketAddress) ch.getLocalAddress()).getAddress();
        byte[] src = local.getAddress();
        if (v6 && local instanceof Inet4Address) {
          return IpLiterals.mapV4(src);
        }
        return src.length == dest.length ? src : null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    };
  }

  /**
   * Returns {@code probe} with its answers kept for {@code ttlNanos} of {@code nanoClock}, at most
   * {@code maxEntries} destinations (the table is emptied when full). Opening a channel per
   * destination costs the JDK far more than glibc's bare socket calls; a route change shows after
   * at most the TTL.
   */
  static SourceProbe cached(SourceProbe probe, java.util.function.LongSupplier nanoClock, long ttlNanos, int maxEntries) {
    record Key(java.nio.ByteBuffer dest, int scopeId) {}
    record Entry(long at, byte[] source) {}
    java.util.concurrent.ConcurrentHashMap<Key, Entry> table = new java.util.concurrent.ConcurrentHashMap<>();
    return (dest, scopeId, port) -> {
      Key key = new Key(java.nio.ByteBuffer.wrap(dest.clone()), scopeId);
      long now = nanoClock.getAsLong();
      Entry e = table.get(key);
      if (e == null || now - e.at() >= ttlNanos) {
        if (table.size() >= maxEntries) {
          table.clear();
        }
        e = new Entry(now, probe.sourceFor(dest, scopeId, port));
        table.put(key, e);
      }
      return e.source() == null ? null : e.source().clone();
    };
  }

  /**
   * Returns a probe that picks sources from a fixed list of interface addresses, as Linux would
   * with one connected subnet per address and a default route for each family that has a
   * non-loopback address: loopback and unspecified destinations get the loopback source; a
   * link-local destination needs its scope's interface; other destinations get the address whose
   * subnet holds them (longest prefix), else the family's first routable address, else none. A
   * v4-mapped destination is routed as IPv4 and its source mapped. For tests and for injected
   * interface lists; the kernel's routing table is not consulted.
   */
  static SourceProbe fromInterfaces(java.util.List<LocalAddress> locals) {
    java.util.List<LocalAddress> copy = java.util.List.copyOf(locals);
    return (dest, scopeId, port) -> {
      if (IpLiterals.isV4Mapped(dest)) {
        byte[] s = route(java.util.Arrays.copyOfRange(dest, 12, 16), 0, copy);
        return s == null ? null : IpLiterals.mapV4(s);
      }
      return route(dest, scopeId, copy);
    };
  }

  private static byte[] route(byte[] dest, int scopeId, java.util.List<LocalAddress> locals) {
    boolean v4 = dest.length == 4;
    if (isZero(dest) || (v4 && (dest[0] & 0xff) == 127) || (!v4 && IpLiterals.isV6Loopback(dest))) {
      byte[] lo = v4 ? new byte[] {127, 0, 0, 1} : new byte[16];
      if (!v4) {
        lo[15] = 1;
      }
      return lo;
    }
    boolean destLinkLocal = !v4 && (dest[0] & 0xff) == 0xfe && (dest[1] & 0xc0) == 0x80;
    LocalAddress best = null;
    LocalAddress fallback = null;
    for (LocalAddress l : locals) {
      byte[] a = l.address();
      if (a.length != dest.length || isLoopback(a)) {
        continue;
      }
      boolean linkLocal = !v4 && (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
      if (destLinkLocal) {
        if (linkLocal && scopeId != 0 && l.interfaceIndex() == scopeId) {
          return a;
        }
        continue;
      }
      if (linkLocal) {
        continue;
      }
      if (fallback == null) {
        fallback = l;
      }
      if (inSubnet(dest, a, l.prefixLength()) && (best == null || l.prefixLength() > best.prefixLength())) {
        best = l;
      }
    }
    LocalAddress pick = best != null ? best : fallback;
    return pick == null ? null : pick.address();
  }

  private static boolean isLoopback(byte[] a) {
    return a.length == 4 ? (a[0] & 0xff) == 127 : IpLiterals.isV6Loopback(a);
  }

  private static boolean inSubnet(byte[] dest, byte[] a, int bits) {
    for (int i = 0; i < dest.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff00 >> bits) & 0xff;
      if ((dest[i] & mask) != (a[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(byte[] a) {
    for (byte b : a) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
