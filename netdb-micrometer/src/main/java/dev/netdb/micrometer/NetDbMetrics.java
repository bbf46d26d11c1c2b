package dev.netdb.micrometer;

import dev.netdb.NetDb;
import dev.netdb.NetDbStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link NetDb}'s DNS figures ({@link NetDb#stats()}) as Micrometer meters:
 *
 * <ul>
 *   <li>{@code netdb.dns.queries}, {@code netdb.dns.timeouts}: function counters of the queries
 *       sent and of those that timed out;
 *   <li>{@code netdb.cache.hits}, {@code netdb.cache.misses}, {@code netdb.cache.stale.served}:
 *       function counters of the cache in front of lookups (the answer cache where it is on, else
 *       the DNS cache; stale answers, RFC 8767, come only from the answer cache with {@code
 *       staleOnFailure}); {@code netdb.cache.entries}, {@code netdb.cache.negative.entries}
 *       (NXDOMAIN and NODATA kept, RFC 2308) and {@code netdb.cache.hit.ratio}: gauges;
 *   <li>per server (tag {@code server}, {@code address:port}): {@code netdb.dns.server.queries}
 *       and {@code netdb.dns.server.timeouts} (function counters), {@code
 *       netdb.dns.server.rtt.mean} and {@code netdb.dns.server.rtt.max} (time gauges).
 * </ul>
 *
 * Every meter reads a fresh snapshot when the registry polls it. A server's meters are registered
 * when the server is first seen: at {@link #bindTo} and on each later poll of {@code
 * netdb.dns.queries}. The meters hold the {@code NetDb} (not this binder), so they keep working
 * while the application keeps the instance; an OS back end publishes zeros.
 */
public final class NetDbMetrics implements MeterBinder {
  private final NetDb netDb;
  private final Tags tags;
  private final Set<String> servers = ConcurrentHashMap.newKeySet();

  /**
   * Creates a binder for {@code netDb}'s figures.
   *
   * @param netDb the instance whose figures are published
   */
  public NetDbMetrics(NetDb netDb) {
    this(netDb, Tags.empty());
  }

  /**
   * Creates a binder for {@code netDb}'s figures, with {@code tags} on every meter.
   *
   * @param netDb the instance whose figures are published
   * @param tags the tags added to every meter (such as the instance's role)
   */
  public NetDbMetrics(NetDb netDb, Iterable<Tag> tags) {
    this.netDb = Objects.requireNonNull(netDb, "netDb");
    this.tags = Tags.of(tags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("netdb.dns.queries", netDb, nd -> {
          NetDbStats s = nd.stats();
          serverMeters(registry, s);
          return s.queries();
        })
        .description("DNS queries sent (each send to each server)").tags(tags).register(registry);
    counter(registry, "netdb.dns.timeouts", "DNS queries that no reply came to in time", s -> s.timeouts());
    counter(registry, "netdb.cache.hits", "lookups answered from the cache", s -> s.cacheHits());
    counter(registry, "netdb.cache.misses", "lookups the cache could not answer", s -> s.cacheMisses());
    counter(registry, "netdb.cache.stale.served", "expired answers served because every DNS server failed (RFC 8767)",
        s -> s.cacheStaleServed());
    Gauge.builder("netdb.cache.entries", netDb, nd -> nd.stats().cacheEntries())
        .description("entries held by the cache").tags(tags).register(registry);
    Gauge.builder("netdb.cache.negative.entries", netDb, nd -> nd.stats().cacheNegativeEntries())
        .description("NXDOMAIN and NODATA answers held by the cache (RFC 2308)").tags(tags).register(registry);
    Gauge.builder("netdb.cache.hit.ratio", netDb, nd -> nd.stats().cacheHitRatio())
        .description("hits / (hits + misses) of the cache").tags(tags).register(registry);
    serverMeters(registry, netDb.stats());
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<NetDbStats> f) {
    FunctionCounter.builder(name, netDb, nd -> f.applyAsDouble(nd.stats()))
        .description(description).tags(tags).register(registry);
  }

  /** Registers the meters of each server of {@code s} not registered yet. */
  private void serverMeters(MeterRegistry registry, NetDbStats s) {
    for (NetDbStats.Server server : s.servers()) {
      String address = server.address();
      if (!servers.add(address)) {
        continue;
      }
      Tags t = tags.and("server", address);
      FunctionCounter.builder("netdb.dns.server.queries", netDb, nd -> find(nd, address).queries())
          .description("DNS queries sent to the server").tags(t).register(registry);
      FunctionCounter.builder("netdb.dns.server.timeouts", netDb, nd -> find(nd, address).timeouts())
          .description("DNS queries the server did not answer in time").tags(t).register(registry);
      TimeGauge.builder("netdb.dns.server.rtt.mean", netDb, TimeUnit.NANOSECONDS,
              nd -> find(nd, address).meanRtt().toNanos())
          .description("mean round-trip time of the server's replies").tags(t).register(registry);
      TimeGauge.builder("netdb.dns.server.rtt.max", netDb, TimeUnit.NANOSECONDS,
              nd -> find(nd, address).maxRtt().toNanos())
          .description("longest round-trip time of a reply from the server").tags(t).register(registry);
    }
  }

  private static NetDbStats.Server find(NetDb nd, String address) {
    for (NetDbStats.Server s : nd.stats().servers()) {
      if (s.address().equals(address)) {
        return s;
      }
    }
    return new NetDbStats.Server(address, 0, 0, 0, 0, java.time.Duration.ZERO, java.time.Duration.ZERO);
  }
}
