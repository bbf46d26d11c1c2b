package dev.netdb.resolve;

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
        ch.connect(new InetSocketAddress(ia, port));
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

  private static boolean isZero(byte[] a) {
    for (byte b : a) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
