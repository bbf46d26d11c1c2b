package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static dev.netdb.dns.Fixtures.v6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddressFamily;
import dev.netdb.dns.ResourceRecord.A;
import dev.netdb.dns.ResourceRecord.Aaaa;
import dev.netdb.dns.ResourceRecord.Cname;
import dev.netdb.dns.ResourceRecord.Ptr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks CNAME chains, A/AAAA combination and reverse names without sockets. */
class HostQueryTest {
  static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 53);

  static DnsOutcome answer(String qname, int type, ResourceRecord... rrs) {
    DnsMessage m = new DnsMessage(new DnsHeader(1, true, 0, true, false, true, true, false, false, 0),
        List.of(DnsQuestion.in(qname, type)), List.of(rrs), List.of(), List.of());
    return new DnsOutcome.Answer(m, SERVER);
  }

  /** A resolver over a fixed table of outcomes; unknown questions are NXDOMAIN. */
  static final class Table {
    final Map<String, DnsOutcome> outcomes = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    Table put(String name, int type, DnsOutcome o) {
      outcomes.put(name + "/" + type, o);
      return this;
    }

    CompletableFuture<DnsOutcome> query(DnsQuestion q) {
      asked.add(q.name() + "/" + DnsType.typeName(q.type()));
      DnsOutcome o = outcomes.get(q.name() + "/" + q.type());
      if (o == null) {
        o = new DnsOutcome.NxDomain(new DnsMessage(new DnsHeader(1, true, 0, true, false, true, true, false, false, 3),
            List.of(q), List.of(), List.of(), List.of()), SERVER);
      }
      return CompletableFuture.completedFuture(o);
    }
  }

  /** An NXDOMAIN or NODATA reply whose authority section holds an SOA. */
  static DnsOutcome negative(String qname, int type, boolean nxdomain, long soaTtl, long minimum) {
    DnsMessage m = new DnsMessage(new DnsHeader(1, true, 0, true, false, true, true, false, false, nxdomain ? 3 : 0),
        List.of(DnsQuestion.in(qname, type)), List.of(),
        List.of(new ResourceRecord.Soa("example.test", 1, soaTtl, "ns.example.test", "h.example.test", 1, 7200, 3600, 1209600, minimum)),
        List.of());
    return nxdomain ? new DnsOutcome.NxDomain(m, SERVER) : new DnsOutcome.NoData(m, SERVER);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SOA MINIMUM below its TTL, NODATA both | false | 300 | 60  | false | 300 | 90  | 60
      SOA TTL below its MINIMUM              | false | 30  | 600 | false | 300 | 600 | 30
      NXDOMAIN for A, NODATA for AAAA        | true  | 300 | 120 | false | 300 | 45  | 45
      """)
  void negativeTtlIsTheSmallestSoaBoundOfTheFailedReplies(
      String rule, boolean nx4, long ttl4, long min4, boolean nx6, long ttl6, long min6, long expected) {
    // RFC 2308 §5: min(SOA TTL, SOA MINIMUM) of each reply; the lookup keeps the smallest.
    Table t = new Table()
        .put("n.example.test", DnsType.A, negative("n.example.test", DnsType.A, nx4, ttl4, min4))
        .put("n.example.test", DnsType.AAAA, negative("n.example.test", DnsType.AAAA, nx6, ttl6, min6));
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).lookup("n.example.test.", 0).join();
    assertThat(r).isInstanceOfSatisfying(DnsHostResult.Failed.class,
        f -> assertThat(f.negativeTtlSeconds()).isEqualTo(expected));
  }

  @Test
  void aFailureWithoutAnSoaIsNotToBeKept() {
    Table t = new Table(); // every question: NXDOMAIN without an authority section
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).lookup("x.example.test.", 2).join();
    assertThat(((DnsHostResult.Failed) r).negativeTtlSeconds()).isZero();
  }

  @Test
  void chainGivesAliasesAndCanonicalNameAsGetanswerR() {
    Table t = new Table().put("www.example.test", DnsType.A, answer("www.example.test", DnsType.A,
        new Cname("www.example.test", 1, 300, "web.example.test"),
        new Cname("web.example.test", 1, 200, "host.example.test"),
        new A("host.example.test", 1, 100, v4("192.0.2.10")),
        new A("other.example.test", 1, 300, v4("203.0.113.66")), // not on the chain: skipped
        new A("host.example.test", 1, 300, v4("192.0.2.11"))));
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).lookup("www.example.test", AddressFamily.INET.value()).join();
    assertThat(r).isEqualTo(new DnsHostResult.Found("www.example.test", "host.example.test",
        List.of("www.example.test", "web.example.test"), List.of(v4("192.0.2.10").getAddress(), v4("192.0.2.11").getAddress()), 100));
    assertThat(t.asked).containsExactly("www.example.test/A");
  }

  @Test
  void unspecAsksBothAndPutsAFirst() {
    Table t = new Table()
        .put("host.example.test", DnsType.AAAA, answer("host.example.test", DnsType.AAAA,
            new Aaaa("host.example.test", 1, 300, v6("2001:db8::10"))))
        .put("host.example.test", DnsType.A, answer("host.example.test", DnsType.A,
            new A("host.example.test", 1, 300, v4("192.0.2.10"))));
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).lookup("host.example.test", AddressFamily.UNSPEC.value()).join();
    assertThat(((DnsHostResult.Found) r).addresses()).containsExactly(v4("192.0.2.10").getAddress(), v6("2001:db8::10").getAddress());
  }

  @Test
  void noAaaaAsksOnlyA() {
    Table t = new Table();
    ResolverConfig cfg = ResolverConfig.builder().noAaaa(true).build();
    new HostQuery(cfg, t::query).lookup("h.example.test", AddressFamily.UNSPEC.value()).join();
    assertThat(t.asked).containsExactly("h.example.test/A");
    DnsHostResult six = new HostQuery(cfg, t::query).lookup("h.example.test", AddressFamily.INET6.value()).join();
    assertThat(six).isEqualTo(new DnsHostResult.Failed(DnsError.NO_DATA, "no-aaaa set"));
  }

  /** glibc reads each answer record once, in order: a loop ends with the records, a long chain is followed. */
  @Test
  void loopsEndWithTheRecordsAndLongChainsAreFollowed() {
    Table loop = new Table().put("a.test", DnsType.A, answer("a.test", DnsType.A,
        new Cname("a.test", 1, 1, "b.test"), new Cname("b.test", 1, 1, "a.test"), new A("a.test", 1, 1, v4("192.0.2.1"))));
    assertThat(new HostQuery(ResolverConfig.defaults(), loop::query).lookup("a.test", AddressFamily.INET.value()).join())
        .isEqualTo(new DnsHostResult.Found("a.test", "a.test", List.of("a.test", "b.test"), List.of(v4("192.0.2.1").getAddress()), 1));
    Table pureLoop = new Table().put("a.test", DnsType.A, answer("a.test", DnsType.A,
        new Cname("a.test", 1, 1, "b.test"), new Cname("b.test", 1, 1, "a.test")));
    assertThat(new HostQuery(ResolverConfig.defaults(), pureLoop::query).lookup("a.test", AddressFamily.INET.value()).join())
        .isEqualTo(new DnsHostResult.Failed(DnsError.NO_RECOVERY, "lookup of 'a.test' failed"));
    List<ResourceRecord> chain = new ArrayList<>();
    for (int i = 0; i < 100; i++) chain.add(new Cname("c" + i + ".test", 1, 1, "c" + (i + 1) + ".test"));
    chain.add(new A("c100.test", 1, 1, v4("192.0.2.1")));
    Table longChain = new Table().put("c0.test", DnsType.A, answer("c0.test", DnsType.A, chain.toArray(ResourceRecord[]::new)));
    DnsHostResult.Found found = (DnsHostResult.Found)
        new HostQuery(ResolverConfig.defaults(), longChain::query).lookup("c0.test", AddressFamily.INET.value()).join();
    assertThat(found.canonicalName()).isEqualTo("c100.test");
    assertThat(found.aliases()).hasSize(100);
  }

  @Test
  void cnameOnlyAnswerIsNoRecovery() {
    Table t = new Table().put("x.test", DnsType.A, answer("x.test", DnsType.A, new Cname("x.test", 1, 1, "y.test")));
    assertThat(new HostQuery(ResolverConfig.defaults(), t::query).lookup("x.test", AddressFamily.INET.value()).join())
        .extracting(r -> ((DnsHostResult.Failed) r).error()).isEqualTo(DnsError.NO_RECOVERY);
  }

  @Test
  void invalidNameFailsWithoutAQuery() {
    Table t = new Table();
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).lookup("a..b", AddressFamily.INET.value()).join();
    assertThat(r).extracting(x -> ((DnsHostResult.Failed) x).error()).isEqualTo(DnsError.NO_RECOVERY);
    assertThat(t.asked).isEmpty();
  }

  @Test
  void reverseLookupTakesTheFirstPtr() {
    Table t = new Table().put("10.2.0.192.in-addr.arpa", DnsType.PTR, answer("10.2.0.192.in-addr.arpa", DnsType.PTR,
        new Ptr("10.2.0.192.in-addr.arpa", 1, 300, "host.example.test"),
        new Ptr("10.2.0.192.in-addr.arpa", 1, 300, "other.example.test")));
    DnsHostResult r = new HostQuery(ResolverConfig.defaults(), t::query).reverse(v4("192.0.2.10")).join();
    assertThat(r).isEqualTo(new DnsHostResult.Found("10.2.0.192.in-addr.arpa", "host.example.test", List.of(),
        List.of(v4("192.0.2.10").getAddress()), 300));
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.10,        10.2.0.192.in-addr.arpa",
    "::ffff:127.0.0.1,  1.0.0.127.in-addr.arpa",
    "2001:db8::567:89ab, b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
    "::1,               1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa",
  })
  void reverseNames(String address, String name) {
    byte[] packed = InetAddress.ofLiteral(address).getAddress();
    if (address.startsWith("::ffff:")) {
      packed = new byte[16];
      packed[10] = packed[11] = (byte) 0xFF;
      packed[12] = 127;
      packed[15] = 1;
    }
    assertThat(HostQuery.reverseName(packed)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({
    // A outcome, AAAA outcome -> error (the A side's unless it was SERVFAIL)
    "NXDOMAIN, SERVFAIL, HOST_NOT_FOUND",
    "SERVFAIL, NXDOMAIN, HOST_NOT_FOUND",
    "SERVFAIL, SERVFAIL, TRY_AGAIN",
    "NODATA,   NODATA,   NO_DATA",
    "TIMEOUT,  NODATA,   TRY_AGAIN",
  })
  void combinesFailuresOfAPair(String a, String aaaa, DnsError expected) {
    SearchList.Try<DnsHostResult.Found> t = HostQuery.combine("x.test", outcome(a), outcome(aaaa));
    assertThat(t.error()).isEqualTo(expected);
  }

  static DnsOutcome outcome(String kind) {
    DnsMessage m = new DnsMessage(new DnsHeader(1, true, 0, true, false, true, true, false, false, 0),
        List.of(), List.of(), List.of(), List.of());
    return switch (kind) {
      case "NXDOMAIN" -> new DnsOutcome.NxDomain(m, SERVER);
      case "NODATA" -> new DnsOutcome.NoData(m, SERVER);
      case "SERVFAIL" -> new DnsOutcome.ServFail(SERVER);
      default -> new DnsOutcome.Timeout();
    };
  }
}
