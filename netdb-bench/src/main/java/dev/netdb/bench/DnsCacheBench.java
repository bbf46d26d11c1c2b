package dev.netdb.bench;

import dev.netdb.AddressFamily;
import dev.netdb.dns.DnsCache;
import dev.netdb.dns.DnsClient;
import dev.netdb.dns.DnsHeader;
import dev.netdb.dns.DnsMessage;
import dev.netdb.dns.DnsOutcome;
import dev.netdb.dns.DnsQuestion;
import dev.netdb.dns.DnsType;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.dns.ResolverConfig;
import dev.netdb.dns.ResourceRecord;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Measures DNS cache hits: {@link DnsCache#get} alone, and a whole {@link DnsClient#lookupHost}
 * (search-list walk, CNAME reading, future chain) whose one question is cached. The cache is
 * filled with a synthetic answer, so no packet is ever sent (the configured server, 127.0.0.1
 * port 9, is never asked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DnsCacheBench {
  private static final String NAME = "host.example.test";
  private DnsCache cache;
  private DnsClient client;
  private DnsQuestion question;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    question = DnsQuestion.in(NAME, DnsType.A);
    InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9);
    DnsOutcome answer = new DnsOutcome.Answer(new DnsMessage(DnsHeader.of(1, 0x8180), List.of(question),
        List.of(new ResourceRecord.A(NAME, 1, 86400, (Inet4Address) InetAddress.ofLiteral("192.0.2.10"))),
        List.of(), List.of()), server);
    cache = DnsCache.builder().build();
    cache.get(question, () -> CompletableFuture.completedFuture(answer)).join();
    ResolverConfig cfg = ResolverConfig.builder().nameserver(server).build();
    client = DnsClient.create(() -> cfg, cache);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public DnsOutcome cacheHit() {
    return cache.get(question, () -> {
      throw new IllegalStateException("miss");
    }).join();
  }

  @Benchmark
  public DnsHostResult lookupHostHit() {
    return client.lookupHost(NAME, AddressFamily.INET.value()).join();
  }
}
