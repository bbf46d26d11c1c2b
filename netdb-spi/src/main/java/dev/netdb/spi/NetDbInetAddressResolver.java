package dev.netdb.spi;

import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import dev.netdb.NameInfoFlag;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Answers the JDK's lookups with a {@link NetDb}: {@code getaddrinfo(host, NULL, {family,
 * SOCK_STREAM})} forward, {@code getnameinfo(NI_NAMEREQD)} reverse, as the JDK's built-in resolver
 * calls glibc. Safe for concurrent use; every lookup blocks its caller only (on a virtual thread
 * it unmounts, since the java back end's blocking calls wait on a future).
 */
final class NetDbInetAddressResolver implements InetAddressResolver {
  private final NetDb db;

  NetDbInetAddressResolver(NetDb db) {
    this.db = Objects.requireNonNull(db);
  }

  /**
   * Returns the addresses of {@code host} in glibc's order ({@link NetDb#lookup}), filtered and
   * reordered as {@code policy} asks ({@link NetDb#lookupPreferring}: a stable partition, each
   * family keeping glibc's order). A non-ASCII host name is IDNA-encoded first, as Python encodes
   * it. A warm call returns the list kept for this host and policy (the Java face's front cache,
   * {@code NetDbBuilder.coarseClock}, then the answer-cache entry's memo): nothing is built but the
   * stream, and no clock is read.
   *
   * @throws UnknownHostException naming the host and saying why no address was found
   */
  @Override
  public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    int c = Objects.requireNonNull(policy, "policy").characteristics();
    boolean v4 = (c & LookupPolicy.IPV4) != 0;
    boolean v6 = (c & LookupPolicy.IPV6) != 0;
    if (v4 && v6) {
      return ((c & LookupPolicy.IPV4_FIRST) != 0 ? db.lookupPreferring(host, AddressFamily.INET)
          : (c & LookupPolicy.IPV6_FIRST) != 0 ? db.lookupPreferring(host, AddressFamily.INET6)
          : db.lookup(host, AddressFamily.UNSPEC)).stream();
    }
    return db.lookup(host, v4 ? AddressFamily.INET : AddressFamily.INET6).stream();
  }

  /**
   * Returns the name of a 4- or 16-byte address by glibc's {@code getnameinfo} with {@code
   * NI_NAMEREQD}: the hosts file, then a PTR query.
   *
   * @throws UnknownHostException when the address has no name
   * @throws IllegalArgumentException when the address is neither 4 nor 16 bytes
   */
  @Override
  public String lookupByAddress(byte[] addr) throws UnknownHostException {
    Objects.requireNonNull(addr, "addr");
    if (addr.length != 4 && addr.length != 16) {
      throw new IllegalArgumentException("Invalid address length: " + addr.length);
    }
    String text = Inet.ntop(addr.length == 4 ? AddressFamily.INET : AddressFamily.INET6, addr);
    try {
      return db.getnameinfo(text, 0, NameInfoFlag.NAMEREQD.value()).host();
    } catch (NetDbException e) {
      throw e.toUnknownHostException();
    }
  }
}
