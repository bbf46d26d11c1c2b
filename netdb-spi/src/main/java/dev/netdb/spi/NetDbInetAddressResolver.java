package dev.netdb.spi;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import dev.netdb.NameInfoFlag;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.SocketType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
   * Returns the addresses of {@code host} in glibc's order, filtered and reordered as {@code
   * policy} asks. A non-ASCII host name is IDNA-encoded first, as Python encodes it.
   *
   * @throws UnknownHostException naming the host and saying why no address was found
   */
  @Override
  public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(policy, "policy");
    int c = policy.characteristics();
    boolean v4 = (c & LookupPolicy.IPV4) != 0;
    boolean v6 = (c & LookupPolicy.IPV6) != 0;
    int family = v4 && v6 ? AddressFamily.UNSPEC.value() : v4 ? AddressFamily.INET.value() : AddressFamily.INET6.value();
    List<AddrInfo> answer;
    try {
      String ascii = isAscii(host) ? host : NetDb.idnaEncode(host);
      answer = db.addrinfo(ascii, null, family, SocketType.STREAM.value(), 0, 0);
    } catch (NetDbException e) {
      throw unknown(host, e);
    }
    List<InetAddress> out = addresses(host, answer);
    if (out.isEmpty()) {
      throw new UnknownHostException(host + ": no address of the families the JVM asked for");
    }
    if (v4 && v6 && (c & (LookupPolicy.IPV4_FIRST | LookupPolicy.IPV6_FIRST)) != 0) {
      boolean v4First = (c & LookupPolicy.IPV4_FIRST) != 0;
      List<InetAddress> ordered = new ArrayList<>(out.size());
      for (int pass = 0; pass < 2; pass++) {
        boolean wantV4 = (pass == 0) == v4First;
        for (InetAddress a : out) {
          if ((a.getAddress().length == 4) == wantV4) {
            ordered.add(a);
          }
        }
      }
      out = ordered;
    }
    return out.stream();
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
      throw unknown(text, e);
    }
  }

  /** One {@code InetAddress} per distinct address, carrying the host name as the JDK's own do. */
  private static List<InetAddress> addresses(String host, List<AddrInfo> answer) throws UnknownHostException {
    List<InetAddress> out = new ArrayList<>(answer.size());
    List<byte[]> seen = new ArrayList<>(answer.size());
    for (AddrInfo ai : answer) {
      InetAddress a = ai.socketAddress().getAddress();
      byte[] bytes = a.getAddress();
      if (seen.stream().anyMatch(b -> Arrays.equals(b, bytes))) {
        continue;
      }
      seen.add(bytes);
      // getByAddress with a name never makes a lookup.
      out.add(a instanceof Inet6Address v6 && v6.getScopeId() != 0
          ? Inet6Address.getByAddress(host, bytes, v6.getScopeId())
          : InetAddress.getByAddress(host, bytes));
    }
    return out;
  }

  /** Returns the JDK's exception for a failed lookup: the host, glibc's message, and why. */
  static UnknownHostException unknown(String host, NetDbException e) {
    int code = e.code().orElse(0);
    String why = switch (code) {
      case -2 -> "no such name: NXDOMAIN, or not in the hosts file";
      case -5 -> "the name has no address records (NODATA)";
      case -3 -> "every nameserver failed or timed out (SERVFAIL or no answer)";
      case -4 -> "a nameserver refused the query or answered badly";
      case -9 -> "no address of the families the JVM asked for";
      default -> null;
    };
    String message = host + ": " + e.pythonMessage() + (why == null ? "" : " (" + why + ")");
    UnknownHostException u = new UnknownHostException(message);
    u.initCause(e);
    return u;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
