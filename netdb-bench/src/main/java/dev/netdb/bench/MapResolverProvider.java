package dev.netdb.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Replaces the JDK's name resolver, in any JVM that loads the benchmark jar, with a fixed map, so
 * that no benchmark can make {@link InetAddress} ask the system resolver (and so the upstream DNS):
 * a name outside the map fails with {@link UnknownHostException}, and reverse lookups always fail.
 * {@link #CALLS} counts lookups, so a benchmark can show that its JDK lookups were cache hits.
 */
public final class MapResolverProvider extends InetAddressResolverProvider {
  /** The names this resolver knows, all IPv4 test addresses (RFC 5737) or loopback. */
  static final Map<String, String> HOSTS = Map.of(
      "cached.example.test", "192.0.2.10",
      "localhost", "127.0.0.1");
  /** Lookups by name answered or refused so far in this JVM. */
  static final AtomicLong CALLS = new AtomicLong();
  /**
   * The resolver lookups by name go to instead of the map, or null: set only by {@code
   * AnswerCacheBench} in its netdb-spi fork, to netdb-spi's resolver over private files and a
   * loopback responder.
   */
  private static volatile InetAddressResolver delegate;
  /** The configuration the JDK gave this provider, for a delegate's provider. */
  static volatile Configuration configuration;

  /** Sends every later lookup by name to {@code resolver} (AnswerCacheBench's spi fork only). */
  static void delegateTo(InetAddressResolver resolver) {
    delegate = resolver;
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    MapResolverProvider.configuration = configuration;
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        CALLS.incrementAndGet();
        InetAddressResolver d = delegate;
        if (d != null) {
          return d.lookupByName(host, policy);
        }
        String literal = HOSTS.get(host.toLowerCase(java.util.Locale.ROOT));
        if (literal == null || (policy.characteristics() & LookupPolicy.IPV4) == 0) {
          throw new UnknownHostException(host + ": not in the benchmark's fixed map");
        }
        return Stream.of(InetAddress.ofLiteral(literal));
      }

      @Override
      public String lookupByAddress(byte[] addr) throws UnknownHostException {
        throw new UnknownHostException("reverse lookups are not served by the benchmark's map");
      }
    };
  }

  @Override
  public String name() {
    return "netdb-bench-map";
  }
}
