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
