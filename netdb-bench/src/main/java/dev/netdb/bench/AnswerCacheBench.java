package dev.netdb.bench;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import dev.netdb.ResolvedAddresses;
import dev.netdb.spi.NetDbResolverProvider;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The answer-cache bars of SPEC §7, side by side in one JMH run: a warm cached {@code getaddrinfo}
 * through the library against a JDK {@link InetAddress} cache hit, and a warm {@code
 * InetAddress.getAllByName} through netdb-spi with the JDK's cache off against the same JDK hit.
 *
 * <p>Nothing leaves loopback. netdb's answers (A and AAAA, one-day TTL) come once per fork from a
 * responder in the benchmark JVM on 127.0.0.1, which counts the queries it gets (printed at the
 * end: a handful per fork, so the timed calls were hits); netdb reads a private hosts file and
 * resolv.conf. The JDK's resolver is {@link MapResolverProvider}, which answers from a fixed map;
 * only in the forks of {@link #spiGetAllByNameJdkCacheOff} and {@link #spiLookupByNameDirect} does
 * it hand lookups to netdb-spi's resolver, and only after this class has pointed netdb-spi at the
 * private files and the responder ({@code netdb.hosts}, {@code netdb.resolvConf}, {@code
 * netdb.gaiConf}, {@code netdb.nameservers}). Those forks run with {@code -Dsun.net.inetaddr.ttl=0}:
 * every call reaches the provider.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.inetaddr.ttl=3600")
public class AnswerCacheBench {
  static final String NAME = "cached.example.test";
  static final String SPI_FORK = "netdb.bench.spiFork";
  private LoopbackResponder responder;
  private Path dir;
  private NetDb interval;
  private NetDb everyCall;
  private long jdkCallsAtStart;
  private InetAddressResolver spiResolver;
  private LookupPolicy jdkPolicy;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    responder = LoopbackResponder.aAndAaaa(NAME);
    dir = Files.createTempDirectory("netdb-answercache");
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options ndots:1 attempts:1 timeout:1\n");
    InetSocketAddress server = responder.address();
    interval = NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(dir.resolve("none")).nameserver(server).noInterfaceAddresses()
        .fileCheckInterval(Duration.ofSeconds(1)).build();
    everyCall = NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(dir.resolve("none")).nameserver(server).noInterfaceAddresses().build();
    check(interval.getaddrinfo(NAME, null, 2, 1, 0, 0).getFirst().host(), "192.0.2.10");
    check(everyCall.getaddrinfo(NAME, null, 2, 1, 0, 0).getFirst().host(), "192.0.2.10");
    if (Boolean.getBoolean(SPI_FORK)) {
      System.setProperty("netdb.hosts", hosts.toString());
      System.setProperty("netdb.resolvConf", resolv.toString());
      System.setProperty("netdb.gaiConf", dir.resolve("none").toString());
      System.setProperty("netdb.nameservers", "127.0.0.1:" + server.getPort());
      InetAddress.getAllByName("localhost"); // loads MapResolverProvider, which keeps the configuration
      spiResolver = new NetDbResolverProvider().get(MapResolverProvider.configuration);
      // One lookup through a wrapper notes the policy the JDK passes, for spiLookupByNameDirect.
      AtomicReference<LookupPolicy> seen = new AtomicReference<>();
      MapResolverProvider.delegateTo(new InetAddressResolver() {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
          seen.set(policy);
          return spiResolver.lookupByName(host, policy);
        }

        @Override
        public String lookupByAddress(byte[] addr) throws UnknownHostException {
          return spiResolver.lookupByAddress(addr);
        }
      });
      check(InetAddress.getAllByName(NAME)[0].getHostAddress(), "192.0.2.10");
      jdkPolicy = seen.get();
      MapResolverProvider.delegateTo(spiResolver);
    }
    check(InetAddress.getAllByName(NAME)[0].getHostAddress(), "192.0.2.10");
    jdkCallsAtStart = MapResolverProvider.CALLS.get();
  }

  /**
   * Points {@link MapResolverProvider} at netdb-spi's resolver ({@code true}) or back at its map
   * (the floor's provider), in a spi fork: {@code AnswerCacheCpuTime}'s {@code bar2} group times
   * the floor and the spi row in one JVM, round by round.
   */
  void throughSpi(boolean on) {
    MapResolverProvider.delegateTo(on ? spiResolver : null);
  }

  private static void check(String got, String want) {
    if (!got.equals(want)) throw new IllegalStateException("expected " + want + ", got " + got);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    interval.close();
    everyCall.close();
    responder.close();
    System.out.printf("%n[AnswerCacheBench] DNS queries sent: %d; provider calls during the run: %d%s%n",
        responder.queries(), MapResolverProvider.CALLS.get() - jdkCallsAtStart,
        jdkPolicy == null ? "" : "; the JDK's lookup policy: characteristics " + jdkPolicy.characteristics());
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    Files.delete(dir);
  }

  /** The JDK's own cache hit: {@code InetAddress.getAllByName}, answer in its cache. */
  @Benchmark
  public InetAddress[] jdkGetAllByNameCached() throws Exception {
    return InetAddress.getAllByName(NAME);
  }

  /** Bar 1: {@code getaddrinfo(name, None, AF_INET, SOCK_STREAM)}, answer cached, files checked once a second. */
  @Benchmark
  public List<AddrInfo> netdbGetaddrinfoCached() {
    return interval.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }

  /** The same with the default of {@code NetDb.java()}: the files checked on every call, as glibc. */
  @Benchmark
  public List<AddrInfo> netdbGetaddrinfoCachedFilesEveryCall() {
    return everyCall.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }

  /** The Java face: {@code resolve(name, INET)}, addresses and TTL. */
  @Benchmark
  public ResolvedAddresses netdbResolveCached() throws Exception {
    return interval.resolve(NAME, AddressFamily.INET);
  }

  /**
   * The floor under bar 2: {@code InetAddress.getAllByName} with the JDK's cache off over {@link
   * MapResolverProvider}, a provider that is one map lookup; what the JDK itself costs per call
   * when every call reaches a provider.
   */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dsun.net.inetaddr.ttl=0")
  public InetAddress[] jdkGetAllByNameCacheOffMapProvider() throws Exception {
    return InetAddress.getAllByName(NAME);
  }

  /**
   * netdb's part of bar 2 alone: netdb-spi's resolver called as the JDK calls it under the row
   * below (the same policy), without {@code InetAddress} around it; the stream is returned
   * unconsumed (the JDK's {@code toArray} belongs to the floor).
   */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Dsun.net.inetaddr.ttl=0", "-D" + SPI_FORK + "=true"})
  public Stream<InetAddress> spiLookupByNameDirect() throws Exception {
    return spiResolver.lookupByName(NAME, jdkPolicy);
  }

  /** Bar 2: {@code InetAddress.getAllByName} through netdb-spi, the JDK's cache off. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Dsun.net.inetaddr.ttl=0", "-D" + SPI_FORK + "=true"})
  public InetAddress[] spiGetAllByNameJdkCacheOff() throws Exception {
    return InetAddress.getAllByName(NAME);
  }

  /**
   * The same without the Java face's front cache ({@code -Dnetdb.cache.tickMillis=0}): every warm
   * call is the answer cache's hit with its clock read, as before the front; the front's gain in
   * one run.
   */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Dsun.net.inetaddr.ttl=0", "-D" + SPI_FORK + "=true", "-Dnetdb.cache.tickMillis=0"})
  public InetAddress[] spiGetAllByNameJdkCacheOffNoFront() throws Exception {
    return InetAddress.getAllByName(NAME);
  }
}
