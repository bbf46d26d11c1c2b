package dev.netdb.bench;

import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import dev.netdb.dns.DnsCache;
import dev.netdb.dns.DnsClient;
import dev.netdb.dns.DnsOutcome;
import dev.netdb.dns.DnsQuestion;
import dev.netdb.dns.DnsType;
import dev.netdb.dns.ResolverConfig;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverChannelStrategy;
import io.netty.resolver.dns.NoopAuthoritativeDnsServerCache;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.NoopDnsCnameCache;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Measures bulk A lookups against a DNS server on loopback: a fixed window of queries is kept in
 * flight, each answer immediately starting the next, for a warm-up and then a measured period.
 * Every client asks the same names ({@code h0.bulk.test} ... {@code h<N-1>.bulk.test}) of the same
 * server, with caches off, one query per lookup and no retries within the period.
 *
 * <p>Usage: {@code java -cp netdb-bench/target/benchmarks.jar dev.netdb.bench.BulkDnsBench IMPL
 * PORT [SECONDS] [WINDOW] [NAMES]}, IMPL one of:
 * <ul>
 *   <li>{@code netdb}: {@link DnsClient#exchange} of an A question (the DNS component alone);
 *   <li>{@code netdb-reverse}: the same for the PTR question of {@code 10.X.Y.Z}, the address
 *       of {@code hI.bulk.test} ({@code bulk-dns.sh} serves {@code 10.in-addr.arpa} too);
 *   <li>{@code netdb-getaddrinfo}: the whole java back end, {@code getaddrinfoAsync(name, None,
 *       AF_INET, SOCK_STREAM)}, cache off;
 *   <li>{@code netdb-reuseN}: {@code netdb} with {@code udpMaxQueries} N (up to N queries per
 *       random-port socket);
 *   <li>{@code netdb-getaddrinfo-reuse100}: {@code netdb-getaddrinfo} with {@code
 *       udpMaxQueries(100)};
 *   <li>{@code dnsjava}; {@code netty} and {@code netty-socket-per-query}: Netty 4.2's two
 *       {@link DnsNameResolverChannelStrategy} values;
 * </ul>
 * The server must be 127.0.0.1 (the harness refuses anything else). {@code bulk-dns.sh} runs NSD,
 * dnsperf and every client in one go. The JDK's own resolver, which can only ask port 53, is
 * measured by {@code scripts/BulkJdkLookups.java} inside a private network namespace instead.
 */
public final class BulkDnsBench {
  private BulkDnsBench() {}

  /** Starts one lookup of {@code name}; calls {@code done} with true on an answer. */
  interface Client extends AutoCloseable {
    void lookup(String name, Consumer<Boolean> done);

    /** Returns what the {@code i}th lookup asks for. */
    default String name(int i) {
      return "h" + i + ".bulk.test";
    }
  }

  public static void main(String[] args) throws Exception {
    String impl = args[0];
    int port = Integer.parseInt(args[1]);
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int window = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    int names = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), port);
    if (!server.getAddress().isLoopbackAddress() || !server.getAddress().getHostAddress().equals("127.0.0.1")) {
      throw new IllegalStateException("loopback only");
    }
    try (Client c = switch (impl) {
      case "netdb" -> netdb(server, 0);
      case "netdb-reverse" -> netdbReverse(server);
      case "netdb-getaddrinfo" -> netdbGetaddrinfo(server, 0);
      case "netdb-getaddrinfo-reuse100" -> netdbGetaddrinfo(server, 100);
      // netdb-reuseN: udpMaxQueries N, up to N queries per random-port socket
      case String reuse when reuse.startsWith("netdb-reuse") -> netdb(server, Integer.parseInt(reuse.substring(11)));
      case "dnsjava" -> dnsjava(server);
      case "netty" -> netty(server, DnsNameResolverChannelStrategy.ChannelPerResolver);
      case "netty-socket-per-query" -> netty(server, DnsNameResolverChannelStrategy.ChannelPerResolution);
      default -> throw new IllegalArgumentException("unknown client " + impl);
    }) {
      run(c, Math.max(1, seconds / 3), window, names); // warm-up
      Result r = run(c, seconds, window, names);
      System.out.printf("%s: %.0f queries/s (%d answered, %d failed, %d s, window %d)%n",
          impl, r.ok / (double) seconds, r.ok, r.failed, seconds, window);
    }
  }

  record Result(long ok, long failed) {}

  static Result run(Client c, int seconds, int window, int names) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicInteger next = new AtomicInteger();
    CountDownLatch drained = new CountDownLatch(window);
    for (int i = 0; i < window; i++) {
      new Object() {
        void go() {
          if (System.nanoTime() - end >= 0) {
            drained.countDown();
            return;
          }
          c.lookup(c.name(Math.floorMod(next.getAndIncrement(), names)), answered -> {
            (answered ? ok : failed).increment();
            go();
          });
        }
      }.go();
    }
    drained.await(seconds + 30L, TimeUnit.SECONDS);
    return new Result(ok.sum(), failed.sum());
  }

  static Client netdb(InetSocketAddress server, int udpMaxQueries) throws Exception {
    ResolverConfig cfg = ResolverConfig.builder().nameserver(server).timeout(Duration.ofSeconds(2)).attempts(1).build();
    DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled(), dev.netdb.dns.CallbackExecutor.get(), 0, udpMaxQueries);
    return new Client() {
      @Override
      public void lookup(String name, Consumer<Boolean> done) {
        client.exchange(DnsQuestion.in(name, DnsType.A))
            .thenAccept(o -> done.accept(o instanceof DnsOutcome.Answer));
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /** The PTR lookups of the addresses the A records give: {@code hI} has {@code 10.X.Y.Z}. */
  static Client netdbReverse(InetSocketAddress server) throws Exception {
    ResolverConfig cfg = ResolverConfig.builder().nameserver(server).timeout(Duration.ofSeconds(2)).attempts(1).build();
    DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled());
    return new Client() {
      @Override
      public void lookup(String name, Consumer<Boolean> done) {
        client.exchange(DnsQuestion.in(name, DnsType.PTR))
            .thenAccept(o -> done.accept(o instanceof DnsOutcome.Answer));
      }

      @Override
      public String name(int i) {
        return (i % 256) + "." + (i / 256 % 256) + "." + (i / 65536 % 256) + ".10.in-addr.arpa";
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /**
   * The whole java back end: {@code getaddrinfoAsync(name, None, AF_INET, SOCK_STREAM)} through the
   * Python layer, the pipeline and the DNS component, cache off, with private (empty) hosts and
   * resolv.conf files so that only the loopback server is asked; with {@code maxQueries} per
   * socket ({@code udpMaxQueries}) when it is not 0.
   */
  static Client netdbGetaddrinfo(InetSocketAddress server, int maxQueries) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("netdb-bulk");
    java.nio.file.Path hosts = java.nio.file.Files.writeString(dir.resolve("hosts"), "");
    java.nio.file.Path resolv = java.nio.file.Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions attempts:1\n");
    NetDbBuilder b = NetDb.builder().hostsFile(hosts).resolvConf(resolv).nameserver(server)
        .cache(false).noInterfaceAddresses();
    if (maxQueries != 0) {
      b.udpMaxQueries(maxQueries);
    }
    dev.netdb.NetDb db = b.build();
    return new Client() {
      @Override
      public void lookup(String name, Consumer<Boolean> done) {
        db.getaddrinfoAsync(name, null, 2, 1, 0, 0).handle((r, t) -> {
          done.accept(t == null && !r.isEmpty());
          return null;
        });
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }

  static Client dnsjava(InetSocketAddress server) throws Exception {
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(Duration.ofSeconds(2));
    return new Client() {
      @Override
      public void lookup(String name, Consumer<Boolean> done) {
        try {
          Message q = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
          r.sendAsync(q).whenComplete((m, e) ->
              done.accept(e == null && m.getRcode() == Rcode.NOERROR && m.getSection(1).size() > 0));
        } catch (Exception e) {
          done.accept(false);
        }
      }

      @Override
      public void close() {}
    };
  }

  @SuppressWarnings("deprecation")
  /**
   * Returns Netty's resolver: with {@code ChannelPerResolver} (Netty's default) every query leaves
   * from one socket; with {@code ChannelPerResolution} each lookup gets a socket of its own, as
   * netdb's queries do.
   */
  static Client netty(InetSocketAddress server, DnsNameResolverChannelStrategy strategy) {
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    DnsNameResolver r = new DnsNameResolverBuilder(group.next())
        .channelType(NioDatagramChannel.class)
        .datagramChannelStrategy(strategy)
        .nameServerProvider(new SingletonDnsServerAddressStreamProvider(server))
        .resolveCache(NoopDnsCache.INSTANCE)
        .cnameCache(NoopDnsCnameCache.INSTANCE)
        .authoritativeDnsServerCache(NoopAuthoritativeDnsServerCache.INSTANCE)
        .resolvedAddressTypes(ResolvedAddressTypes.IPV4_ONLY)
        .searchDomains(List.of())
        .ndots(1)
        .queryTimeoutMillis(2000)
        .maxQueriesPerResolve(1)
        .optResourceEnabled(false)
        .build();
    return new Client() {
      @Override
      public void lookup(String name, Consumer<Boolean> done) {
        r.resolve(name).addListener(f -> done.accept(f.isSuccess()));
      }

      @Override
      public void close() {
        r.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    };
  }

}
