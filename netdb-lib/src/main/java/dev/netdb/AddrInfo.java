package dev.netdb;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code getaddrinfo} result, as Python's 5-tuple {@code (family, type, proto, canonname,
 * sockaddr)}.
 *
 * <p>Family and type are kept as numbers because glibc can return values that have no enum member
 * (Python then returns a plain int); {@link #addressFamily()} and {@link #socketType()} give the
 * enums where they exist. {@code canonicalName} is {@code ""} where Python shows it empty. The
 * {@code host} is the address text exactly as {@code inet_ntop} writes it.
 *
 * @param family the address family's Linux value ({@code AF_*})
 * @param type the socket type's Linux value ({@code SOCK_*})
 * @param protocol the protocol number ({@code IPPROTO_*})
 * @param canonicalName the canonical name, {@code ""} where Python shows it empty
 * @param host the address as {@code inet_ntop} writes it
 * @param port the port
 * @param flowInfo the IPv6 flow information (20 bits)
 * @param scopeId the IPv6 scope id (an interface index), 0 for none
 */
public record AddrInfo(
    int family, int type, int protocol, String canonicalName, String host, int port, long flowInfo,
    long scopeId) {

  /** Creates a result; {@code host} must be a numeric address of the family. */
  public AddrInfo {
    Objects.requireNonNull(canonicalName, "canonicalName");
    Objects.requireNonNull(host, "host");
  }

  /** {@return the family as an enum, if it has a member} */
  public Optional<AddressFamily> addressFamily() {
    return AddressFamily.of(family);
  }

  /** {@return the socket type as an enum, if it has a member} */
  public Optional<SocketType> socketType() {
    return SocketType.of(type);
  }

  /**
   * Returns the socket address as a JDK object. It is built from the packed bytes, so no lookup
   * happens; IPv6 scope ids are kept, flow info is not (the JDK has no field for it).
   *
   * @return the address and port, with the scope id for IPv6
   */
  public InetSocketAddress socketAddress() {
    try {
      if (family == AddressFamily.INET6.value()) {
        byte[] b = Inet.pton(AddressFamily.INET6, host);
        // A scope id of 0 means none: Inet6Address would otherwise print it as "%0".
        java.net.InetAddress a = scopeId == 0
            ? java.net.InetAddress.getByAddress(null, b)
            : Inet6Address.getByAddress(null, b, (int) scopeId);
        return new InetSocketAddress(a, port);
      }
      return new InetSocketAddress(
          java.net.InetAddress.getByAddress(null, Inet.pton(AddressFamily.INET, host)), port);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("not a numeric address: " + host, e);
    }
  }
}
