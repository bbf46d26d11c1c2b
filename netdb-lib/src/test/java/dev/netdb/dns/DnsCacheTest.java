package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checks TTL clamping, negative caching, eviction and merging with an injected clock. */
class DnsCacheTest {
  static final InetSocketAddress S = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 53);
  static final DnsQuestion Q = DnsQuestion.in("host.example.test", DnsType.A);
  final AtomicLong now = new AtomicLong(1_000);
  final AtomicInteger exchanges = new AtomicInteger();

  static DnsOutcome answer(long ttl) {
    return new DnsOutcome.Answer(new DnsMessage(DnsHeader.of(1, 0x8180), List.of(Q),
        List.of(new ResourceRecord.A(Q.name(), 1, ttl, v4("192.0.2.10"))), List.of(), List.of()), S);
  }

  static DnsOutcome nxdomain(long soaTtl, long minimum) {
    var soa = new ResourceRecord.Soa("example.test", 1, soaTtl, "ns", "mail", 1, 1, 1, 1, minimum);
    return new DnsOutcome.NxDomain(new DnsMessage(DnsHeader.of(1, 0x8183), List.of(Q), List.of(), List.of(soa), List.of()), S);
  }

  DnsOutcome get(DnsCache c, DnsQuestion q, DnsOutcome fresh) {
    return c.get(q, () -> {
      exchanges.incrementAndGet();
      return CompletableFuture.completedFuture(fresh);
    }).join();
  }

  DnsCache.Builder cache() {
    return DnsCache.builder().nanos(now::get);
  }

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void keepsAnAnswerForItsTtl() {
    DnsCache c = cache().build();
    DnsOutcome first = get(c, Q, answer(60));
    assertThat(get(c, DnsQuestion.in("host.example.test", DnsType.A), answer(60))).isSameAs(first);
    advance(Duration.ofSeconds(59));
    assertThat(get(c, Q, answer(60))).isSameAs(first);
    advance(Duration.ofSeconds(1));
    assertThat(get(c, Q, answer(60))).isNotSameAs(first);
    assertThat(exchanges).hasValue(2);
    assertThat(c.hits()).isEqualTo(2);
    assertThat(c.misses()).isEqualTo(2);
  }

  @Test
  void clampsTtls() {
    DnsCache c = cache().minTtl(Duration.ofSeconds(30)).maxTtl(Duration.ofSeconds(100)).build();
    assertThat(c.ttlNanos(answer(0))).isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(c.ttlNanos(answer(1_000_000))).isEqualTo(Duration.ofSeconds(100).toNanos());
    assertThat(c.ttlNanos(answer(50))).isEqualTo(Duration.ofSeconds(50).toNanos());
  }

  @Test
  void negativeTtlIsTheSmallerOfSoaTtlAndMinimum() {
    DnsCache c = cache().maxNegativeTtl(Duration.ofHours(1)).build();
    assertThat(c.ttlNanos(nxdomain(300, 60))).isEqualTo(Duration.ofSeconds(60).toNanos());
    assertThat(c.ttlNanos(nxdomain(20, 60))).isEqualTo(Duration.ofSeconds(20).toNanos());
    assertThat(c.ttlNanos(nxdomain(86400, 86400))).isEqualTo(Duration.ofHours(1).toNanos());
    DnsOutcome noSoa = new DnsOutcome.NxDomain(new DnsMessage(DnsHeader.of(1, 0x8183), List.of(Q), List.of(), List.of(), List.of()), S);
    assertThat(c.ttlNanos(noSoa)).isZero();
    assertThat(c.ttlNanos(new DnsOutcome.ServFail(S))).isZero();
    assertThat(c.ttlNanos(new DnsOutcome.Timeout())).isZero();
  }

  @Test
  void failuresAreNotKept() {
    DnsCache c = cache().build();
    get(c, Q, new DnsOutcome.ServFail(S));
    get(c, Q, new DnsOutcome.ServFail(S));
    assertThat(exchanges).hasValue(2);
    assertThat(c.size()).isZero();
  }

  @Test
  void disabledStoresNothing() {
    DnsCache c = DnsCache.builder().enabled(false).nanos(now::get).build();
    get(c, Q, answer(60));
    get(c, Q, answer(60));
    assertThat(exchanges).hasValue(2);
  }

  @Test
  void mergesIdenticalQuestionsInFlight() {
    DnsCache c = cache().build();
    CompletableFuture<DnsOutcome> pending = new CompletableFuture<>();
    CompletableFuture<DnsOutcome> a = c.get(Q, () -> { exchanges.incrementAndGet(); return pending; });
    CompletableFuture<DnsOutcome> b = c.get(DnsQuestion.in("host.example.test", DnsType.A), () -> {
      exchanges.incrementAndGet();
      return new CompletableFuture<>();
    });
    assertThat(exchanges).hasValue(1);
    assertThat(c.merged()).isEqualTo(1);
    pending.complete(answer(60));
    assertThat(a.join()).isSameAs(b.join());
  }

  /** The answer echoes the question's case, which glibc shows; so spellings are kept apart. */
  @Test
  void keepsSpellingsThatDifferInCaseApart() {
    DnsCache c = cache().build();
    CompletableFuture<DnsOutcome> pending = new CompletableFuture<>();
    c.get(Q, () -> { exchanges.incrementAndGet(); return pending; });
    c.get(DnsQuestion.in("Host.Example.Test", DnsType.A), () -> {
      exchanges.incrementAndGet();
      return new CompletableFuture<>();
    });
    assertThat(exchanges).hasValue(2);
    assertThat(c.merged()).isZero();
    pending.complete(answer(60));
    get(c, DnsQuestion.in("HOST.example.test", DnsType.A), answer(60));
    assertThat(exchanges).as("a cached answer is not served to another spelling").hasValue(3);
  }

  @Test
  void evictsUnusedEntriesFirstWhenFull() {
    DnsCache c = cache().maxEntries(8).build();
    for (int i = 0; i < 8; i++) get(c, DnsQuestion.in("n" + i + ".test", DnsType.A), answer(60));
    get(c, DnsQuestion.in("n0.test", DnsType.A), answer(60)); // hit: marks n0 as used
    get(c, DnsQuestion.in("n8.test", DnsType.A), answer(60)); // full: sweep
    assertThat(c.size()).isLessThanOrEqualTo(8);
    int before = exchanges.get();
    get(c, DnsQuestion.in("n0.test", DnsType.A), answer(60));
    assertThat(exchanges.get()).as("n0 survived the sweep").isEqualTo(before);
  }
}
