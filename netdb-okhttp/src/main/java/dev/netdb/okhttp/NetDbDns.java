package dev.netdb.okhttp;

import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;

/**
 * OkHttp's {@link Dns} answered by netdb: the addresses of a host in glibc's {@code getaddrinfo}
 * order ({@link NetDb#lookup}), which is the order OkHttp tries them in when fast fallback is off
 * ({@code OkHttpClient.Builder.fastFallback(false)}); with fast fallback on, OkHttp races the
 * families itself, starting from this order.
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder().dns(new NetDbDns(NetDb.java())).build();
 * }</pre>
 *
 * <p>On the pure-Java back end the answers follow each record's TTL, the search list and {@code
 * ndots} as glibc applies them. A failed lookup throws {@link UnknownHostException} naming the host
 * and why (NXDOMAIN, no data, every server failed), which OkHttp reports as its usual error.
 */
public final class NetDbDns implements Dns {
  private final NetDb db;

  /**
   * Creates the adapter over {@code db}; closing {@code db} stays the caller's job.
   *
   * @param db the resolver to answer with
   */
  public NetDbDns(NetDb db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Returns the addresses of {@code hostname}, in the order OkHttp should try them.
   *
   * @param hostname the host name to look up
   * @return the addresses, at least one, in glibc's order
   * @throws UnknownHostException naming the host and why no address was found
   */
  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Objects.requireNonNull(hostname, "hostname");
    return db.lookup(hostname, AddressFamily.UNSPEC);
  }
}
