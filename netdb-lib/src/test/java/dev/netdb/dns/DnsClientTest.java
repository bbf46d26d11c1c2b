package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static dev.netdb.dns.Fixtures.v6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddressFamily;
import dev.netdb.dns.FakeDnsServer.Reply;
import dev.netdb.dns.FakeDnsServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs whole lookups through the client against the fake server. */
class DnsClientTest {
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) c.close();
  }

  FakeDnsServer server() throws Exception {
    FakeDnsServer s = FakeDnsServer.start(r -> {
      DnsQuestion q = r.query().questions().getFirst();
      if (!q.name().equalsIgnoreCase("host.example.test")) {
        return new Reply(Replies.rcode(r.query(), DnsType.NXDOMAIN, new ResourceRecord.Soa(
            "example.test", 1, 60, "ns", "mail", 1, 1, 1, 1, 30)));
      }
      return new Reply(q.type() == DnsType.A
          ? Replies.answer(r.query(), new ResourceRecord.A(q.name(), 1, 300, v4("192.0.2.10")))
          : Replies.answer(r.query(), new ResourceRecord.Aaaa(q.name(), 1, 300, v6("2001:db8::10"))));
    });
    closing.add(s);
    return s;
  }

  DnsClient client(ResolverConfig cfg, DnsCache cache) throws Exception {
    DnsClient c = DnsClient.create(() -> cfg, cache);
    closing.add(c);
    return c;
  }

  ResolverConfig.Builder config(FakeDnsServer... servers) {
    ResolverConfig.Builder b = ResolverConfig.builder().timeout(Duration.ofMillis(300)).attempts(1);
    for (FakeDnsServer s : servers) b.nameserver(s.address());
    return b;
  }

  @Test
  void searchListAndBothFamilies() throws Exception {
    FakeDnsServer s = server();
    DnsClient c = client(config(s).search(List.of("other.test", "example.test")).build(), DnsCache.disabled());
    DnsHostResult r = c.lookupHost("host", AddressFamily.UNSPEC.value()).join();
    assertThat(r).isEqualTo(new DnsHostResult.Found("host.example.test", "host.example.test", List.of(),
        List.of(v4("192.0.2.10").getAddress(), v6("2001:db8::10").getAddress()), 300));
    assertThat(s.log()).extracting(x -> x.query().questions().getFirst().name() + "/" + x.query().questions().getFirst().type())
        .containsExactlyInAnyOrder("host.other.test/1", "host.other.test/28", "host.example.test/1", "host.example.test/28");
  }

  @Test
  void nxdomainEverywhereIsHostNotFound() throws Exception {
    FakeDnsServer s = server();
    DnsClient c = client(config(s).build(), DnsCache.disabled());
    DnsHostResult r = c.lookupHost("nothere.example.test", AddressFamily.INET.value()).join();
    assertThat(r).extracting(x -> ((DnsHostResult.Failed) x).error()).isEqualTo(DnsError.HOST_NOT_FOUND);
  }

  @Test
  void ednsOnlyWhenConfigured() throws Exception {
    FakeDnsServer s = server();
    client(config(s).build(), DnsCache.disabled()).exchange(DnsQuestion.in("host.example.test", 1)).join();
    client(config(s).edns0(true).build(), DnsCache.disabled()).exchange(DnsQuestion.in("host.example.test", 1)).join();
    client(config(s).trustAd(true).build(), DnsCache.disabled()).exchange(DnsQuestion.in("host.example.test", 1)).join();
    List<Request> log = s.log();
    assertThat(log.get(0).query().opt()).isEmpty();
    assertThat(log.get(1).query().opt()).contains(ResourceRecord.Opt.of(1232));
    assertThat(log.get(0).query().header().authenticData()).isFalse();
    assertThat(log.get(2).query().header().authenticData()).isTrue();
    assertThat(log).allMatch(r -> r.query().header().recursionDesired());
  }

  @Test
  void freshPortAndRandomIdPerQuery() throws Exception {
    FakeDnsServer s = server();
    DnsClient c = client(config(s).build(), DnsCache.disabled());
    List<CompletableFuture<DnsOutcome>> fs = new ArrayList<>();
    for (int i = 0; i < 40; i++) fs.add(c.exchange(DnsQuestion.in("host.example.test", DnsType.A)));
    fs.forEach(CompletableFuture::join);
    Set<Integer> ports = new HashSet<>();
    Set<Integer> ids = new HashSet<>();
    for (Request r : s.log()) {
      ports.add(r.from().getPort());
      ids.add(r.query().header().id());
    }
    assertThat(ports).hasSizeGreaterThan(30); // sockets in flight together never share a port
    assertThat(ids).hasSizeGreaterThan(30); // 40 draws from 65536: collisions are rare
  }

  @Test
  void rotateStartsAtSuccessiveServers() throws Exception {
    FakeDnsServer a = server();
    FakeDnsServer b = server();
    DnsClient c = client(config(a, b).rotate(true).build(), DnsCache.disabled());
    for (int i = 0; i < 4; i++) c.exchange(DnsQuestion.in("host.example.test", DnsType.A)).join();
    assertThat(a.log()).hasSize(2);
    assertThat(b.log()).hasSize(2);
    DnsClient plain = client(config(a, b).build(), DnsCache.disabled());
    for (int i = 0; i < 4; i++) plain.exchange(DnsQuestion.in("host.example.test", DnsType.A)).join();
    assertThat(a.log()).hasSize(6);
  }

  @Test
  void cacheAnswersRepeatsWithoutTraffic() throws Exception {
    FakeDnsServer s = server();
    DnsCache cache = DnsCache.builder().build();
    DnsClient c = client(config(s).build(), cache);
    DnsHostResult first = c.lookupHost("host.example.test", AddressFamily.INET.value()).join();
    DnsHostResult again = c.lookupHost("host.example.test.", AddressFamily.INET.value()).join();
    assertThat(again).isInstanceOf(DnsHostResult.Found.class);
    DnsHostResult.Found f = (DnsHostResult.Found) first;
    DnsHostResult.Found g = (DnsHostResult.Found) again;
    // A cache hit's TTL is counted down by its age, rounded up to the second (DnsCache.aged).
    assertThat(g.ttlSeconds()).isBetween(f.ttlSeconds() - 1, f.ttlSeconds());
    assertThat(g).isEqualTo(new DnsHostResult.Found(f.queriedName(), f.canonicalName(), f.aliases(),
        f.addresses(), g.ttlSeconds())); // Found compares the address bytes
    c.lookupHost("nothere.example.test", AddressFamily.INET.value()).join();
    c.lookupHost("nothere.example.test", AddressFamily.INET.value()).join();
    assertThat(s.log()).hasSize(2);
    assertThat(cache.hits()).isEqualTo(2);
  }

  @Test
  void manyQueriesInFlightOnOneThread() throws Exception {
    FakeDnsServer s = server();
    // The fake server's socket buffer can overflow with 2000 datagrams at once: retries cover drops.
    DnsClient c = client(config(s).timeout(Duration.ofSeconds(2)).attempts(4).build(), DnsCache.disabled());
    int before = Thread.activeCount();
    List<CompletableFuture<DnsOutcome>> fs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) fs.add(c.exchange(DnsQuestion.in("host.example.test", DnsType.A)));
    assertThat(Thread.activeCount() - before).isLessThan(5);
    for (CompletableFuture<DnsOutcome> f : fs) assertThat(f.join()).isInstanceOf(DnsOutcome.Answer.class);
  }
}
