package dev.netdb;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link NetDb#resolve}: the addresses in connect order, and how long they may be
 * reused.
 *
 * @param addresses one {@link InetAddress} per distinct address, in glibc's order, each carrying
 *     the name asked for (so no reverse lookup is made for it); at least one
 * @param ttl how long from the moment of the answer it holds: for an answer from DNS the rest of
 *     the smallest TTL of its records (as the back end's answer cache keeps it); for one from the
 *     hosts file, the file check interval (zero when the file is checked on every call: ask
 *     again, which is cheap); for a numeric host, {@link #FOREVER}; zero when the back end knows
 *     no TTL (the OS back end: glibc's {@code getaddrinfo} returns none), the answer cache is off,
 *     or the answer is stale (RFC 8767)
 */
public record ResolvedAddresses(List<InetAddress> addresses, Duration ttl) {
  /** The lifetime of an answer that cannot change, such as a numeric host's. */
  public static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

  /** Copies the list and checks for nulls. */
  public ResolvedAddresses {
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(ttl, "ttl");
  }

  /**
   * Returns these addresses with those of {@code first} ahead of the others, each family keeping
   * its order (a stable partition), with the same lifetime: the JDK's {@code LookupPolicy}
   * {@code IPV4_FIRST} and {@code IPV6_FIRST} applied to glibc's order. Returns this record when
   * its addresses are in that order already, and for {@link AddressFamily#UNSPEC}.
   *
   * @param first {@code INET} or {@code INET6}, the family to put first; {@code UNSPEC} for none
   * @return the reordered addresses and the same lifetime
   * @throws IllegalArgumentException for {@code UNIX}
   */
  public ResolvedAddresses preferring(AddressFamily first) {
    if (Objects.requireNonNull(first, "first") == AddressFamily.UNSPEC) {
      return this;
    }
    if (first == AddressFamily.UNIX) {
      throw new IllegalArgumentException("first must be INET, INET6 or UNSPEC");
    }
    boolean v4First = first == AddressFamily.INET;
    boolean other = false;
    boolean ordered = true;
    for (InetAddress a : addresses) {
      boolean isFirst = (a instanceof java.net.Inet4Address) == v4First;
      ordered &= !(isFirst && other);
      other |= !isFirst;
    }
    if (ordered) {
      return this;
    }
    List<InetAddress> out = new java.util.ArrayList<>(addresses.size());
    for (int pass = 0; pass < 2; pass++) {
      for (InetAddress a : addresses) {
        if (((a instanceof java.net.Inet4Address) == v4First) == (pass == 0)) {
          out.add(a);
        }
      }
    }
    return new ResolvedAddresses(out, ttl);
  }

  /**
   * Returns the Java face of a {@code getaddrinfo} answer: one address per distinct address of
   * {@code answer}, in its order, each named {@code host}.
   *
   * @param host the name asked for, which each address carries
   * @param answer the {@code getaddrinfo} entries
   * @param ttl how long the answer holds
   * @return the addresses and their lifetime
   * @throws java.net.UnknownHostException when the answer has no address
   */
  public static ResolvedAddresses of(String host, List<AddrInfo> answer, Duration ttl)
      throws java.net.UnknownHostException {
    return new ResolvedAddresses(JavaFace.addresses(host, answer), ttl);
  }
}
