package dev.netdb.httpclient5;

import dev.netdb.AddrInfo;
import dev.netdb.AddrInfoFlag;
import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.SocketType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Apache HttpClient 5's {@link DnsResolver} answered by netdb: the addresses of a host in glibc's
 * {@code getaddrinfo} order ({@link NetDb#lookup}), which the client's connection operator tries
 * in turn.
 *
 * <pre>{@code
 * var cm = PoolingHttpClientConnectionManagerBuilder.create()
 *     .setDnsResolver(new NetDbDnsResolver(NetDb.java())).build();
 * CloseableHttpClient client = HttpClients.custom().setConnectionManager(cm).build();
 * }</pre>
 *
 * <p>A failed lookup throws {@link UnknownHostException} naming the host and why (NXDOMAIN, no
 * data, every server failed), which the client reports as its usual error.
 */
public final class NetDbDnsResolver implements DnsResolver {
  private final NetDb db;

  /**
   * Creates the adapter over {@code db}; closing {@code db} stays the caller's job.
   *
   * @param db the resolver to answer with
   */
  public NetDbDnsResolver(NetDb db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Returns the addresses of {@code host}, in the order the client should try them.
   *
   * @param host the host name to look up
   * @return the addresses, at least one, in glibc's order
   * @throws UnknownHostException naming the host and why no address was found
   */
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    return db.lookup(host, AddressFamily.UNSPEC).toArray(InetAddress[]::new);
  }

  /**
   * Returns the canonical name of {@code host}: {@code getaddrinfo} with {@code AI_CANONNAME}, as
   * glibc gives it (the end of the CNAME chain, or the hosts file's first name).
   *
   * @param host the host name to look up
   * @return the canonical name, or {@code host} where glibc gives none
   * @throws UnknownHostException naming the host and why it was not found
   */
  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    try {
      List<AddrInfo> ai = db.getaddrinfo(host, null, AddressFamily.UNSPEC.value(), SocketType.STREAM.value(), 0,
          AddrInfoFlag.CANONNAME.value());
      String canon = ai.getFirst().canonicalName();
      return canon.isEmpty() ? host : canon;
    } catch (NetDbException e) {
      throw e.toUnknownHostException();
    }
  }
}
