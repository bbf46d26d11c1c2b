package dev.netdb;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves the host of a {@code bind} address as CPython's {@code setipaddr(name, af)} does
 * (socketmodule.c): {@code ''} is the family's wildcard, {@code '255.255.255.255'} and {@code
 * '<broadcast>'} the broadcast address (IPv4 only), numeric forms are parsed without a lookup (an
 * IPv6 form with a {@code %scope} is left to getaddrinfo), and anything else is the first result of
 * {@code getaddrinfo(name, None, af)}. Errors are Python's: a gaierror from the lookup, or an
 * {@code OSError} without an errno.
 */
final class BindAddress {
  private BindAddress() {}

  /**
   * Returns the address at once where no lookup is needed, or null when {@code name} needs
   * getaddrinfo; throws Python's error for the broadcast name on an IPv6 socket.
   */
  static InetAddress numeric(String name, AddressFamily af) {
    if (name.isEmpty()) {
      // getaddrinfo(NULL, "0", af, SOCK_DGRAM, 0, AI_PASSIVE): one wildcard per family
      return address(af == AddressFamily.INET ? new byte[4] : new byte[16]);
    }
    if (name.equals("255.255.255.255") || name.equals("<broadcast>")) {
      if (af != AddressFamily.INET) {
        throw new SystemException("address family mismatched", name);
      }
      return address(new byte[] {-1, -1, -1, -1});
    }
    if (af == AddressFamily.INET) {
      byte[] v4 = Inet.tryPton(AddressFamily.INET, name);
      if (v4 != null) {
        return address(v4);
      }
    }
    if (af == AddressFamily.INET6 && name.indexOf('%') < 0) {
      byte[] v6 = Inet.tryPton(AddressFamily.INET6, name);
      if (v6 != null) {
        return address(v6);
      }
    }
    return null;
  }

  /** Resolves {@code name} for a socket of family {@code af}, blocking for a lookup if needed. */
  static InetAddress resolve(NetDb db, String name, AddressFamily af) {
    InetAddress a = numeric(name, af);
    return a != null ? a : first(db.getaddrinfo(name, null, af.value(), 0, 0, 0), name);
  }

  /** Resolves {@code name} for a socket of family {@code af} with the asynchronous lookup. */
  static CompletableFuture<InetAddress> resolveAsync(NetDb db, String name, AddressFamily af) {
    try {
      InetAddress a = numeric(name, af);
      if (a != null) {
        return CompletableFuture.completedFuture(a);
      }
    } catch (NetDbException e) {
      return CompletableFuture.failedFuture(e);
    }
    return db.getaddrinfoAsync(name, null, af.value(), 0, 0, 0).thenApply(r -> first(r, name));
  }

  private static InetAddress first(List<AddrInfo> results, String name) {
    AddrInfo ai = results.getFirst();
    if (ai.family() != AddressFamily.INET.value() && ai.family() != AddressFamily.INET6.value()) {
      throw new SystemException("unknown address family", name);
    }
    return ai.socketAddress().getAddress();
  }

  private static InetAddress address(byte[] packed) {
    try {
      return InetAddress.getByAddress(null, packed);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
