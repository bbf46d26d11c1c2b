package dev.netdb.resolve;

import dev.netdb.dns.LookupFailure;
import dev.netdb.dns.DnsClient;
import dev.netdb.dns.DnsError;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.observe.ResolverStats;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.trace.TraceStep;
import java.io.IOException;
import java.util.Map;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The DNS stage over {@link DnsClient}: forward lookups by {@code lookupHost}, reverse by {@code
 * lookupAddress}, with glibc's {@code h_errno} carried over. The client (and its selector thread)
 * is created on the first lookup, so building a back end opens no socket; if it cannot be created
 * every lookup is {@code TRY_AGAIN}. {@link #close()} closes the client if it was created, and
 * makes sure it never will be.
 */
public final class DnsHostResolver implements NssDns, AutoCloseable {
  private final Supplier<DnsClient> factory;
  private final Supplier<dev.netdb.dns.ResolverConfig> config;
  private volatile DnsClient client;
  private volatile boolean failed;
  private volatile boolean closed;

  /** Creates the stage; {@code factory} makes the client on first use. */
  public DnsHostResolver(Supplier<DnsClient> factory) {
    this(factory, null);
  }

  /**
   * Creates the stage; {@code factory} makes the client on first use, {@code config} gives the
   * settings a trace reports (null: none reported).
   */
  public DnsHostResolver(Supplier<DnsClient> factory, Supplier<dev.netdb.dns.ResolverConfig> config) {
    this.factory = factory;
    this.config = config;
  }

  /** Returns the figures of the client, or {@link ResolverStats#NONE} before it exists. */
  @Override
  public ResolverStats stats() {
    DnsClient c = client;
    if (c == null) {
      return ResolverStats.NONE;
    }
    java.util.List<ResolverStats.ServerStats> servers = new java.util.ArrayList<>();
    for (dev.netdb.observe.QueryStats.ServerCounts s : c.queryStats().servers()) {
      java.time.Duration mean = java.time.Duration.ofNanos(s.replies() == 0 ? 0 : s.rttTotalNanos() / s.replies());
      servers.add(new ResolverStats.ServerStats(dev.netdb.dns.DnsClient.describe(s.server()), s.queries(),
          s.replies(), s.timeouts(), s.errors(), mean, java.time.Duration.ofNanos(s.rttMaxNanos())));
    }
    servers.sort(java.util.Comparator.comparing(ResolverStats.ServerStats::address));
    dev.netdb.observe.CacheStats cache = c.cache().cacheStats();
    return new ResolverStats(c.queryStats().queries(), c.queryStats().timeouts(), cache.hits(),
        cache.misses(), cache.entries(), cache.staleServed(), cache.negative(), servers);
  }

  @Override
  public TraceStep.Config configuration(Map<String, String> files) {
    return config == null ? NssDns.super.configuration(files) : DnsClient.configStep(config.get(), files);
  }

  /**
   * Returns a factory for {@link DnsClient#create} that reports an I/O failure as null; the
   * client completes its futures on {@code executor}.
   */
  public static Supplier<DnsClient> creating(
      Supplier<dev.netdb.dns.ResolverConfig> config, dev.netdb.dns.DnsCache cache, Executor executor) {
    return creating(config, cache, executor, 0);
  }

  /** Returns such a factory with a cap on sockets in flight (0: derived from the descriptor limit). */
  public static Supplier<DnsClient> creating(
      Supplier<dev.netdb.dns.ResolverConfig> config, dev.netdb.dns.DnsCache cache, Executor executor,
      int maxSocketsInFlight) {
    return creating(config, cache, executor, maxSocketsInFlight, 0);
  }

  /** Returns such a factory that also sends up to {@code udpMaxQueries} queries per UDP socket (0: one). */
  public static Supplier<DnsClient> creating(
      Supplier<dev.netdb.dns.ResolverConfig> config, dev.netdb.dns.DnsCache cache, Executor executor,
      int maxSocketsInFlight, int udpMaxQueries) {
    return () -> {
      try {
        return DnsClient.create(config, cache, executor, maxSocketsInFlight, udpMaxQueries);
      } catch (IOException e) {
        return null;
      }
    };
  }

  /** Returns the client, creating it on first use; null if it cannot be created. */
  private DnsClient client() {
    DnsClient c = client;
    if (closed) {
      throw LookupFailure.closed();
    }
    if (c == null && !failed) {
      synchronized (this) {
        if (closed) {
          throw LookupFailure.closed();
        }
        c = client;
        if (c == null && !failed) {
          c = factory.get();
          client = c;
          failed = c == null;
        }
      }
    }
    return c;
  }

  @Override
  public CompletableFuture<DnsHostResult> lookup(String name, int family) {
    return lookup(name, family, TraceRecorder.OFF);
  }

  @Override
  public CompletableFuture<DnsHostResult> lookup(String name, int family, TraceRecorder recorder) {
    if (name.isEmpty()) {
      // nss_dns fails an empty name with NO_RECOVERY and sends nothing, leaving it in the thread's
      // h_errno too (glibc 2.36 in the oracle namespace: gethostbyname_ex('') is herror(3) with
      // "hosts: files dns"; with "hosts: files", NssDns.none(), it is the thread's leftover).
      return CompletableFuture.completedFuture(new DnsHostResult.Failed(DnsError.NO_RECOVERY, "empty name"));
    }
    return withClient(c -> c.lookupHost(name, family, recorder));
  }

  /**
   * Runs {@code lookup} on the client: fails once closed, and answers TRY_AGAIN (no usable reply,
   * as glibc when no server can be asked) when the client cannot be created.
   */
  private CompletableFuture<DnsHostResult> withClient(
      java.util.function.Function<DnsClient, CompletableFuture<DnsHostResult>> lookup) {
    DnsClient c;
    try {
      c = client();
    } catch (LookupFailure e) {
      return CompletableFuture.failedFuture(e);
    }
    if (c == null) {
      return CompletableFuture.completedFuture(new DnsHostResult.Failed(DnsError.TRY_AGAIN, "no DNS client"));
    }
    return lookup.apply(c);
  }

  @Override
  public CompletableFuture<DnsHostResult> reverse(byte[] address) {
    InetAddress a;
    try {
      // getByAddress with a null name makes no lookup.
      a = InetAddress.getByAddress(null, address);
    } catch (UnknownHostException e) {
      return CompletableFuture.completedFuture(new DnsHostResult.Failed(DnsError.HOST_NOT_FOUND, "not an address"));
    }
    return withClient(c -> c.lookupAddress(a));
  }

  /**
   * Closes the client if it was created (stopping its threads) and refuses to create one later:
   * lookups then fail with a closed {@link LookupFailure}. Closing twice is harmless.
   */
  @Override
  public void close() {
    DnsClient c;
    synchronized (this) {
      closed = true;
      c = client;
    }
    if (c != null) {
      c.close();
    }
  }
}
