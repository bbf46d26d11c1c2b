package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.PythonLayers;
import dev.netdb.dns.DnsError;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.dns.LookupFailure;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DNS stage behind the hosts file, with an in-memory resolver: outcome to EAI/h_errno mapping,
 * canonical names and aliases from the CNAME chain, V4MAPPED over DNS, PTR lookups, and that the
 * hosts file is asked first.
 */
class DnsStageTest {
  private static final byte[] V4 = {(byte) 192, 0, 2, 10};
  private static final byte[] V6 = IpLiterals.pton6("2001:db8::10");

  /** Answers from a table keyed by "name/family"; records every query. */
  static final class FakeDns implements NssDns {
    final Map<String, DnsHostResult> answers;
    final List<String> log = new ArrayList<>();

    FakeDns(Map<String, DnsHostResult> answers) {
      this.answers = answers;
    }

    @Override
    public synchronized CompletableFuture<DnsHostResult> lookup(String name, int family) {
      log.add(name + "/" + family);
      return CompletableFuture.completedFuture(answers.getOrDefault(name + "/" + family, NssDns.NOT_FOUND));
    }

    @Override
    public synchronized CompletableFuture<DnsHostResult> reverse(byte[] address) {
      log.add("PTR " + IpLiterals.ntop(address));
      return CompletableFuture.completedFuture(answers.getOrDefault("PTR " + IpLiterals.ntop(address), NssDns.NOT_FOUND));
    }
  }

  private static DnsHostResult found(byte[]... addrs) {
    return new DnsHostResult.Found("www.example.test", "host.example.test", List.of("www.example.test", "web.example.test"), List.of(addrs), 300);
  }

  private static FakeDns zone() {
    return new FakeDns(Map.<String, DnsHostResult>ofEntries(
        Map.entry("www.example.test/0", found(V4, V6)),
        Map.entry("www.example.test/2", found(V4)),
        Map.entry("www.example.test/10", found(V6)),
        Map.entry("v4.example.test/10", new DnsHostResult.Failed(DnsError.NO_DATA, "nodata")),
        Map.entry("v4.example.test/2", found(V4)),
        Map.entry("nodata.example.test/0", new DnsHostResult.Failed(DnsError.NO_DATA, "nodata")),
        Map.entry("nodata.example.test/2", new DnsHostResult.Failed(DnsError.NO_DATA, "nodata")),
        Map.entry("servfail.example.test/0", new DnsHostResult.Failed(DnsError.TRY_AGAIN, "servfail")),
        Map.entry("servfail.example.test/2", new DnsHostResult.Failed(DnsError.TRY_AGAIN, "servfail")),
        Map.entry("refused.example.test/0", new DnsHostResult.Failed(DnsError.NO_RECOVERY, "refused")),
        Map.entry("PTR 192.0.2.99", new DnsHostResult.Found("99.2.0.192.in-addr.arpa", "ptr.example.test", List.of(), List.of(), 300))));
  }

  private static NetDb netdb(FakeDns dns) {
    return PythonLayers.over(new JavaBackend(Fixture.environment(Fixture.Network.DUAL, "", "multi on", dns)));
  }

  @Test
  void sortsDnsAnswersAndReportsTheLastCnameTargetAsCanonical() {
    List<AddrInfo> r = netdb(zone()).getaddrinfo("www.example.test", 80, 0, 1, 0, 2);
    assertThat(Fixture.render(r))
        .isEqualTo("[6/S/6 canon='host.example.test' ('2001:db8::10', 80, 0, 0); 4/S/6 ('192.0.2.10', 80)]");
  }

  @Test
  void gethostbynameExGivesTheCnameChainAsAliases() {
    assertThat(Fixture.outcome(() -> netdb(zone()).gethostbynameEx("www.example.test")))
        .isEqualTo("('host.example.test', ['www.example.test', 'web.example.test'], ['192.0.2.10'])");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nosuch.example.test   | gaierror(-2, 'Name or service not known')",
        "nodata.example.test   | gaierror(-5, 'No address associated with hostname')",
        "servfail.example.test | gaierror(-3, 'Temporary failure in name resolution')",
        "refused.example.test  | gaierror(-2, 'Name or service not known')",
      })
  void mapsDnsOutcomesToEaiCodes(String name, String expected) {
    assertThat(Fixture.outcome(() -> netdb(zone()).getaddrinfo(name, 80, 0, 1, 0, 0))).isEqualTo(expected);
  }

  @Test
  void mapsDnsOutcomesToHerrno() {
    HostDatabase db = new HostDatabase(Fixture.environment(Fixture.Network.DUAL, "", "", zone()));
    assertThat(Fixture.outcome(() -> JavaBackend.join(db.byName("nodata.example.test", 2))))
        .isEqualTo("herror(4, 'No address associated with name')");
    assertThat(Fixture.outcome(() -> JavaBackend.join(db.byName("servfail.example.test", 2))))
        .isEqualTo("herror(2, 'Host name lookup failure')");
    assertThat(Fixture.outcome(() -> JavaBackend.join(db.byName("nosuch.example.test", 2))))
        .isEqualTo("herror(1, 'Unknown host')");
  }

  @Test
  void mapsIpv4AnswersWhenNoIpv6AnswerWithV4mapped() {
    FakeDns dns = zone();
    assertThat(Fixture.outcome(() -> netdb(dns).getaddrinfo("v4.example.test", 80, 10, 1, 0, 8)))
        .isEqualTo("[6/S/6 ('::ffff:192.0.2.10', 80, 0, 0)]");
    assertThat(dns.log).containsExactly("v4.example.test/10", "v4.example.test/2");
  }

  @Test
  void asksTheHostsFileFirstAndDnsOnlyForOtherNames() {
    FakeDns dns = zone();
    NetDb db = netdb(dns);
    db.getaddrinfo("localhost", 80, 0, 1, 0, 0);
    db.gethostbyaddr("127.0.0.1");
    assertThat(dns.log).isEmpty();
    assertThat(Fixture.outcome(() -> db.gethostbyaddr("192.0.2.99"))).isEqualTo("('ptr.example.test', [], ['192.0.2.99'])");
    assertThat(dns.log).containsExactly("PTR 192.0.2.99");
  }

  @Test
  void getnameinfoFallsBackToNumericUnlessNameRequired() {
    NetDb db = netdb(zone());
    assertThat(Fixture.outcome(() -> db.getnameinfo("192.0.2.98", 4, 0))).isEqualTo("('192.0.2.98', '4')");
    assertThat(Fixture.outcome(() -> db.getnameinfo("192.0.2.98", 53, 16))).isEqualTo("('192.0.2.98', 'domain')");
    assertThat(Fixture.outcome(() -> db.getnameinfo("192.0.2.98", 80, 8)))
        .isEqualTo("gaierror(-2, 'Name or service not known')");
    assertThat(Fixture.outcome(() -> db.getnameinfo("127.0.1.1", 80, 4 | 2))).isEqualTo("('testhost', '80')");
  }

  @Test
  void asyncGetaddrinfoCompletesWithTheSameResult() {
    JavaBackend backend = new JavaBackend(Fixture.environment(Fixture.Network.DUAL, "", "multi on", zone()));
    assertThat(backend.getaddrinfoAsync("www.example.test", "80", 0, 1, 0, 0).join())
        .isEqualTo(backend.getaddrinfo("www.example.test", "80", 0, 1, 0, 0));
  }

  @Test
  void theDnsAnswersTtlReachesThePipelineResultAndHostsAnswersHaveNone() {
    Getaddrinfo gai = new Getaddrinfo(Fixture.environment(Fixture.Network.DUAL, "", "multi on", zone()));
    AddrinfoAnswer dns = gai.run(new Getaddrinfo.Request("www.example.test", "80", 0, 1, 0, 0)).join();
    assertThat(dns.ttlSeconds()).isEqualTo(300);
    assertThat(dns.entries()).extracting(e -> e.address().length).containsExactlyInAnyOrder(16, 4);
    AddrinfoAnswer numeric = gai.run(new Getaddrinfo.Request("192.0.2.1", "80", 2, 1, 0, 0)).join();
    assertThat(numeric.ttlSeconds()).isZero();
  }

  @Test
  void theNegativeTtlReachesThePipelinesFailure() {
    FakeDns dns = new FakeDns(Map.of(
        "gone.example.test/0", new DnsHostResult.Failed(DnsError.HOST_NOT_FOUND, "nxdomain", false, 60)));
    Getaddrinfo gai = new Getaddrinfo(Fixture.environment(Fixture.Network.DUAL, "", "multi on", dns));
    assertThatThrownBy(() -> gai.run(new Getaddrinfo.Request("gone.example.test", null, 0, 1, 0, 0)).join())
        .cause().isInstanceOfSatisfying(LookupFailure.class, f -> {
          assertThat(f.code()).isEqualTo(-2);
          assertThat(f.negativeTtlSeconds()).isEqualTo(60);
        });
  }
}
