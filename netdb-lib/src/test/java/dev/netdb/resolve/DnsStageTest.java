package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.PythonLayers;
import dev.netdb.resolve.NssDns.HostAnswer;
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
    final Map<String, HostAnswer> answers;
    final List<String> log = new ArrayList<>();

    FakeDns(Map<String, HostAnswer> answers) {
      this.answers = answers;
    }

    @Override
    public synchronized CompletableFuture<HostAnswer> lookup(String name, int family) {
      log.add(name + "/" + family);
      return CompletableFuture.completedFuture(answers.getOrDefault(name + "/" + family, new HostAnswer.NotFound()));
    }

    @Override
    public synchronized CompletableFuture<HostAnswer> reverse(byte[] address) {
      log.add("PTR " + IpLiterals.ntop(address));
      return CompletableFuture.completedFuture(answers.getOrDefault("PTR " + IpLiterals.ntop(address), new HostAnswer.NotFound()));
    }
  }

  private static HostAnswer found(byte[]... addrs) {
    return new HostAnswer.Found("host.example.test", List.of("www.example.test", "web.example.test"), List.of(addrs));
  }

  private static FakeDns zone() {
    return new FakeDns(Map.<String, HostAnswer>ofEntries(
        Map.entry("www.example.test/0", found(V4, V6)),
        Map.entry("www.example.test/2", found(V4)),
        Map.entry("www.example.test/10", found(V6)),
        Map.entry("v4.example.test/10", new HostAnswer.NoData()),
        Map.entry("v4.example.test/2", found(V4)),
        Map.entry("nodata.example.test/0", new HostAnswer.NoData()),
        Map.entry("nodata.example.test/2", new HostAnswer.NoData()),
        Map.entry("servfail.example.test/0", new HostAnswer.TryAgain()),
        Map.entry("servfail.example.test/2", new HostAnswer.TryAgain()),
        Map.entry("refused.example.test/0", new HostAnswer.NoRecovery()),
        Map.entry("PTR 192.0.2.99", new HostAnswer.Found("ptr.example.test", List.of(), List.of()))));
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
}
