package dev.netdb.dns;

import dev.netdb.AddressFamily;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Resolves names through DNS as glibc's stub resolver does, asynchronously: one selector thread
 * drives every socket, so thousands of queries can be in flight without a thread each.
 *
 * <p>Each query uses a fresh UDP socket per server (so a fresh random source port chosen by the
 * kernel), kept for the retries to that server, and one random 16-bit ID, as glibc's {@code
 * send_dg} keeps them, so a late answer to an earlier try is still taken; a reply counts only when it comes from the server asked (address and port)
 * and carries the same ID and question (name compared ignoring ASCII case), otherwise it is ignored
 * and the wait goes on until the timeout. A reply with TC is asked again over TCP from the same
 * server; {@code use-vc} means TCP only. Servers are tried as glibc {@code res_send} tries them:
 * {@code attempts} rounds, each over every server in order, starting one further on each query
 * with {@code rotate}; SERVFAIL, NOTIMP and REFUSED move to the next server.
 *
 * <p>Sockets in flight are capped (see {@link #create(Supplier, DnsCache, int)}); lookups beyond
 * the cap wait their turn in submission order, none is dropped.
 *
 * <p>The settings are read from the supplier at the start of each lookup, so a re-read resolv.conf
 * takes effect for new lookups. Futures never complete exceptionally for DNS failures: those are
 * {@link DnsOutcome} or {@link HostLookup.Failed} values.
 */
public final class DnsClient implements AutoCloseable {
  private final Supplier<ResolverConfig> config;
  private final DnsCache cache;
  private final DnsTransport transport;

  private DnsClient(Supplier<ResolverConfig> config, DnsCache cache, DnsTransport transport) {
    this.config = config;
    this.cache = cache;
    this.transport = transport;
  }

  /**
   * Creates a client; its selector thread starts now and stops on {@link #close()}.
   *
   * @param config the settings, read at the start of each lookup (see {@link ResolvConfFile})
   * @param cache the answer cache; {@link DnsCache#disabled()} for none
   */
  public static DnsClient create(Supplier<ResolverConfig> config, DnsCache cache) throws IOException {
    return create(config, cache, 0);
  }

  /**
   * Creates a client that holds at most {@code maxSocketsInFlight} sockets at once; lookups beyond
   * that wait in a FIFO queue, and their timeouts start when their queries are sent.
   *
   * @param maxSocketsInFlight the cap, or 0 for the default derived from the descriptor limit
   *     ({@code (RLIMIT_NOFILE - 128) / 2}, between 16 and 4096: 448 under {@code ulimit -n 1024})
   */
  public static DnsClient create(Supplier<ResolverConfig> config, DnsCache cache, int maxSocketsInFlight)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cache, "cache");
    if (maxSocketsInFlight < 0) throw new IllegalArgumentException("maxSocketsInFlight < 0: " + maxSocketsInFlight);
    int cap = maxSocketsInFlight == 0 ? SocketBudget.defaultMaxSockets() : maxSocketsInFlight;
    return new DnsClient(config, cache, DnsTransport.start(cap));
  }

  /**
   * Asks one question of the configured servers (no search list), through the cache; identical
   * questions in flight share one exchange.
   */
  public CompletableFuture<DnsOutcome> query(DnsQuestion question) {
    return cache.get(question, () -> exchange(question));
  }

  /** Asks one question of the configured servers, bypassing the cache. */
  public CompletableFuture<DnsOutcome> exchange(DnsQuestion question) {
    return transport.exchange(question, config.get());
  }

  /**
   * Looks up the addresses of a host name as glibc's {@code _nss_dns_gethostbyname4_r} (for
   * {@code UNSPEC}) or {@code gethostbyname3_r} (for {@code INET}/{@code INET6}) does: search list
   * and ndots as {@code res_search}, A and AAAA in parallel (in sequence with {@code
   * single-request}; no AAAA with {@code no-aaaa}), CNAME chain as {@code getanswer_r}.
   *
   * @param name the ASCII (IDNA-encoded) name as the caller gave it, trailing dot allowed
   * @param family {@code INET} for A only, {@code INET6} for AAAA only, {@code UNSPEC} for both
   */
  public CompletableFuture<HostLookup> lookupHost(String name, AddressFamily family) {
    return new HostResolver(config.get(), this::query).lookup(name, family);
  }

  /**
   * Looks up the name of an address with a PTR query under {@code in-addr.arpa} or {@code
   * ip6.arpa}, as glibc's {@code _nss_dns_gethostbyaddr2_r} does (no search list).
   */
  public CompletableFuture<HostLookup> lookupAddress(InetAddress address) {
    return new HostResolver(config.get(), this::query).reverse(address);
  }

  /** Returns the cache this client uses. */
  public DnsCache cache() {
    return cache;
  }

  /** Returns the most sockets this client holds at once. */
  public int maxSocketsInFlight() {
    return transport.maxSockets();
  }

  /** Stops the selector thread and closes every socket; pending futures complete with Timeout. */
  @Override
  public void close() {
    transport.close();
  }
}
