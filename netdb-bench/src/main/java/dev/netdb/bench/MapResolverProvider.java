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

  @Override
  public InetAddressResolver get(Configuration configuration) {
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        CALLS.incrementAndGet();
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
