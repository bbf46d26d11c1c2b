package dev.netdb.bench;

import dev.netdb.NetDb;
import dev.netdb.dns.DnsCache;
import dev.netdb.dns.DnsHeader;
import dev.netdb.dns.DnsMessage;
import dev.netdb.dns.DnsOutcome;
import dev.netdb.dns.DnsQuestion;
import dev.netdb.dns.DnsType;
import dev.netdb.dns.ResourceRecord;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Compares cached host lookups: netdb's {@link DnsCache} hit, netdb's pure-Java back end {@code
 * gethostbyname} of a DNS name whose answer is cached and of a hosts-file name, and the JDK's
 * {@link InetAddress#getByName} of a name in its own cache.
 *
 * <p>Nothing leaves loopback. netdb's DNS answer comes once from a responder in this JVM on
 * 127.0.0.1 (it counts the queries it gets, so a run shows that the timed calls were cache hits),
 * and netdb reads a temporary hosts file and resolv.conf. The JDK's resolver is replaced by {@link
 * MapResolverProvider}, which knows only fixed names, so the JDK never asks the system resolver;
 * its cache is kept for the run with {@code sun.net.inetaddr.ttl}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.inetaddr.ttl=3600")
public class CacheHitBench {
  static final String DNS_NAME = "cached.example.test";
  static final String FILES_NAME = "files.example.test";
  private DnsCache cache;
  private DnsQuestion question;
  private NetDb netdb;
  private LoopbackResponder responder;
  private long jdkCallsAtStart;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    InetSocketAddress loopback9 = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9);
    question = DnsQuestion.in(DNS_NAME, DnsType.A);
    DnsOutcome answer = new DnsOutcome.Answer(reply(1, question), loopback9);
    cache = DnsCache.builder().build();
    cache.get(question, () -> CompletableFuture.completedFuture(answer)).join();

    responder = LoopbackResponder.a(DNS_NAME);
    dir = Files.createTempDirectory("netdb-cachehit");
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.20 " + FILES_NAME + "\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options ndots:1 attempts:1 timeout:1\n");
    netdb = NetDb.builder()
        .hostsFile(hosts)
        .resolvConf(resolv)
        .nameserver(responder.address())
        .noInterfaceAddresses()
        .build();
    check(netdb.gethostbyname(DNS_NAME), "192.0.2.10");
    check(netdb.gethostbyname(FILES_NAME), "192.0.2.20");
    check(InetAddress.getByName(DNS_NAME).getHostAddress(), "192.0.2.10");
    jdkCallsAtStart = MapResolverProvider.CALLS.get();
  }

  private static void check(String got, String want) {
    if (!got.equals(want)) throw new IllegalStateException("expected " + want + ", got " + got);
  }

  private static DnsMessage reply(int id, DnsQuestion q) {
    return new DnsMessage(DnsHeader.of(id, 0x8580), List.of(q),
        List.of(new ResourceRecord.A(q.name(), 1, 86400, (Inet4Address) InetAddress.ofLiteral("192.0.2.10"))),
        List.of(), List.of());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    responder.close();
    System.out.printf("%n[CacheHitBench] DNS queries sent by netdb: %d; JDK resolver calls during the run: %d%n",
        responder.queries(), MapResolverProvider.CALLS.get() - jdkCallsAtStart);
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    Files.delete(dir);
  }

  /** (a) netdb's question cache alone. */
  @Benchmark
  public DnsOutcome dnsCacheHit() {
    return cache.get(question, () -> {
      throw new IllegalStateException("miss");
    }).join();
  }

  /** (b) netdb pure-Java back end, a DNS name whose A answer is in the DNS cache. */
  @Benchmark
  public String netdbGethostbynameDnsCached() {
    return netdb.gethostbyname(DNS_NAME);
  }

  /** (b') netdb pure-Java back end, a name from the hosts file (no DNS at all). */
  /** (b'') {@code getaddrinfo(name, 80, AF_INET, SOCK_STREAM)}, answer in the DNS cache. */
  @Benchmark
  public List<dev.netdb.AddrInfo> netdbGetaddrinfoDnsCached() {
    return netdb.getaddrinfo(DNS_NAME, "80", 2, 1, 0, 0);
  }

  @Benchmark
  public String netdbGethostbynameHostsFile() {
    return netdb.gethostbyname(FILES_NAME);
  }

  /** (c) the JDK, a name in {@link InetAddress}'s own cache. */
  @Benchmark
  public InetAddress jdkGetByNameCached() throws Exception {
    return InetAddress.getByName(DNS_NAME);
  }
}
