package dev.netdb.spi;

import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import java.lang.System.Logger.Level;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;

/**
 * Makes netdb the JVM's resolver for {@link java.net.InetAddress}: on the class path or the module
 * path, the JDK finds this provider through {@link java.util.ServiceLoader} (registered both in
 * {@code META-INF/services} and with {@code provides} in {@code module-info}) and sends every
 * {@code InetAddress} name and address lookup to it.
 *
 * <p>Forward lookups give glibc's {@code getaddrinfo} answer in glibc's order, then reordered as
 * the JDK's {@link InetAddressResolver.LookupPolicy} asks (IPv4 only, IPv6 only, IPv4 first, IPv6
 * first); reverse lookups are glibc's {@code getnameinfo} with {@code NI_NAMEREQD}, as the JDK's
 * built-in resolver calls it. The settings are system properties read once, when the JVM first
 * resolves a name; see {@link ProviderSettings} and the README. {@code -Dnetdb.disable=true}
 * hands every lookup to the built-in resolver.
 *
 * <p>Bootstrap safety: {@link #get} never calls {@code InetAddress} lookups, reads no file and
 * starts no thread; the JDK itself answers any lookup made while the provider is being loaded
 * with its built-in resolver. The pure-Java back end starts its DNS threads on the first lookup
 * that needs DNS, and its daemon clock thread ({@code netdb.cache.tickMillis}) on the first warm
 * lookup.
 *
 * <p>The JDK caches every answer a provider gives for 30 s ({@code networkaddress.cache.ttl}),
 * whatever its TTL; netdb's own cache honours the record's TTL. To get real TTLs, turn the JDK's
 * cache off ({@code -Dsun.net.inetaddr.ttl=0}, or {@code networkaddress.cache.ttl=0} in the
 * security properties).
 */
public final class NetDbResolverProvider extends InetAddressResolverProvider {
  private static final System.Logger LOG = System.getLogger(NetDbResolverProvider.class.getName());

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public NetDbResolverProvider() {}

  /**
   * Returns the resolver for this JVM: the built-in one when {@code netdb.disable} is true,
   * otherwise netdb configured from the system properties.
   *
   * @param configuration the JDK's configuration, with its built-in resolver
   * @return the resolver for this JVM
   */
  @Override
  public InetAddressResolver get(Configuration configuration) {
    ProviderSettings settings = ProviderSettings.fromSystemProperties();
    if (settings.disabled()) {
      LOG.log(Level.DEBUG, "netdb: disabled by netdb.disable=true; using the built-in resolver");
      return configuration.builtinResolver();
    }
    return new NetDbInetAddressResolver(netDb(settings));
  }

  /**
   * Returns the provider's name.
   *
   * @return {@code "netdb"}
   */
  @Override
  public String name() {
    return "netdb";
  }

  /** Builds the back end the settings ask for; nothing is read or opened until the first lookup. */
  static NetDb netDb(ProviderSettings s) {
    if (s.backend().equals("os")) {
      try {
        return NetDb.os();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "netdb: the os back end is not available here ({0}); using the java back end",
            e.getMessage());
      }
    }
    NetDbBuilder b = NetDb.builder()
        .hostsFile(s.hosts())
        .resolvConf(s.resolvConf())
        .gaiConf(s.gaiConf())
        .cache(s.cache())
        .cacheLimits(10_000, Duration.ZERO, s.cacheMaxTtl())
        .fileCheckInterval(s.fileCheck())
        .staleOnFailure(s.stale())
        .staleResponseTimeout(s.staleResponse())
        .refreshAhead(s.refreshAhead())
        .coarseClock(s.tick())
        .udpMaxQueries(s.udpMaxQueries());
    s.nameservers().forEach(b::nameserver);
    return b.build();
  }
}
