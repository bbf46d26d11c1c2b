package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import dev.netdb.trace.Trace;
import dev.netdb.trace.TraceStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace model over the java back end, against NSD on loopback: the steps of a DNS lookup
 * (configuration, hosts miss, cache, queries, CNAME chain, RFC 3484 decisions, result), of a
 * cached one and of a hosts-file one, from the library API and the Java face; traced and untraced
 * calls give the same answers.
 */
@ExtendWith(NsdExtension.class)
class TraceTest {
  @TempDir Path dir;
  private final NsdServer nsd;

  TraceTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  private NetDb netDb() throws IOException {
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n# two\n203.0.113.5 v4only.example\n");
    Files.writeString(dir.resolve("resolv.conf"), "search example.test\noptions timeout:2 attempts:1\n");
    Files.writeString(dir.resolve("gai.conf"), "# defaults\n");
    return NetDb.builder()
        .hostsFile(dir.resolve("hosts"))
        .resolvConf(dir.resolve("resolv.conf"))
        .gaiConf(dir.resolve("gai.conf"))
        .hostConf(dir.resolve("host.conf"))
        .nameserver(nsd.ipv4())
        .hostname("testhost")
        .interfaceAddress(InetAddress.ofLiteral("192.0.2.2"), 24, 2)
        .interfaceAddress(InetAddress.ofLiteral("2001:db8::2"), 64, 2)
        .build();
  }

  private String server() {
    return "127.0.0.1:" + nsd.port();
  }

  @Test
  void dnsLookupListsEveryStageInOrder() throws IOException {
    try (NetDb db = netDb()) {
      Traced<List<AddrInfo>> t = db.getaddrinfoTraced("www", "80", 0, SocketType.STREAM.value(), 0, 0);
      assertThat(t.error()).isNull();
      List<String> kinds = t.trace().steps().stream().map(TraceStep::step).toList();
      // A query takes its place when the I/O thread sends it, so it may come before or after the
      // AAAA cache look-up; queries keep the order they were sent in.
      assertThat(kinds).startsWith("config", "answer-cache", "hosts").endsWith("result");
      assertThat(kinds.subList(3, 7)).containsExactlyInAnyOrder("cache", "cache", "query", "query");
      assertThat(kinds.get(7)).isEqualTo("cname");
      assertThat(t.trace().steps(TraceStep.CachedAnswer.class))
          .containsExactly(new TraceStep.CachedAnswer("www", "miss", "", 0, 0));

      TraceStep.Config c = (TraceStep.Config) t.trace().steps().getFirst();
      assertThat(c.files()).containsEntry("hosts", dir.resolve("hosts").toString());
      assertThat(c.nameservers()).containsExactly(server());
      assertThat(c.search()).containsExactly("example.test");
      assertThat(c.options()).contains("ndots:1", "timeout:2", "attempts:1");
      assertThat(t.trace().steps(TraceStep.Hosts.class))
          .containsExactly(new TraceStep.Hosts(dir.resolve("hosts").toString(), "www", 0));
      assertThat(t.trace().steps(TraceStep.Cache.class)).extracting(TraceStep.Cache::hit)
          .containsExactly(false, false);

      List<TraceStep.Query> q = t.trace().steps(TraceStep.Query.class);
      assertThat(q).extracting(TraceStep.Query::qname).containsOnly("www.example.test");
      assertThat(q).extracting(TraceStep.Query::qtype).containsExactly("A", "AAAA");
      for (TraceStep.Query x : q) {
        assertThat(x.server()).isEqualTo(server());
        assertThat(x.transport()).isEqualTo("udp");
        assertThat(x.attempt()).isEqualTo(1);
        assertThat(x.outcome()).isEqualTo("reply");
        assertThat(x.rcode()).isEqualTo("NOERROR");
        assertThat(x.answers()).isGreaterThanOrEqualTo(3); // two CNAMEs and the addresses
        assertThat(x.minTtl()).isPositive();
        assertThat(x.truncated()).isFalse();
        assertThat(x.elapsedMicros()).isPositive();
      }
      assertThat(t.trace().steps(TraceStep.Cname.class)).containsExactly(new TraceStep.Cname(
          "www.example.test", List.of("www.example.test", "web.example.test", TestZone.HOST)));

      // 2001:db8::110 first: its label matches the source's and IPv6 has the higher precedence.
      List<TraceStep.Sort> sorts = t.trace().steps(TraceStep.Sort.class);
      assertThat(sorts).isNotEmpty();
      assertThat(sorts.getFirst()).isEqualTo(new TraceStep.Sort("2001:db8::110", "192.0.2.110", 6));
      assertThat(sorts).allSatisfy(s -> assertThat(s.rule()).isBetween(1, 10));

      List<String> hosts = t.value().stream().map(AddrInfo::host).toList();
      assertThat(t.trace().steps().getLast())
          .isEqualTo(new TraceStep.Result(hosts.stream().distinct().toList(), ""));
      assertThat(db.getaddrinfo("www", "80", 0, SocketType.STREAM.value(), 0, 0)).isEqualTo(t.value());

      // Now cached: the answer cache answers the whole call; nothing is sent, and the DNS cache
      // behind it is not asked (AnswerCacheObservedTest has the exact figures, on a stepped clock).
      Trace again = db.getaddrinfoTraced("www", "80", 0, SocketType.STREAM.value(), 0, 0).trace();
      assertThat(again.steps(TraceStep.Query.class)).isEmpty();
      assertThat(again.steps(TraceStep.Cache.class)).isEmpty();
      assertThat(again.steps(TraceStep.CachedAnswer.class)).singleElement().satisfies(x -> {
        assertThat(x.state()).isEqualTo("hit");
        assertThat(x.kind()).isEqualTo("dns");
        assertThat(x.ttlRemainingMillis()).isPositive().isLessThanOrEqualTo(300_000); // the zone's TTL
      });
    }
  }

  @Test
  void hostsFileHitNamesItsLineAndSendsNothing() throws IOException {
    try (NetDb db = netDb()) {
      Trace t = db.getaddrinfoTraced("v4only.example", null, 0, 0, 0, 0).trace();
      assertThat(t.steps(TraceStep.Hosts.class))
          .containsExactly(new TraceStep.Hosts(dir.resolve("hosts").toString(), "v4only.example", 3));
      assertThat(t.steps(TraceStep.Query.class)).isEmpty();
      assertThat(t.steps(TraceStep.Cache.class)).isEmpty();
      assertThat(t.steps().getLast()).isEqualTo(new TraceStep.Result(List.of("203.0.113.5"), ""));
    }
  }

  @Test
  void failureEndsTheTraceAndIsTheUntracedError() throws IOException {
    try (NetDb db = netDb()) {
      Traced<List<AddrInfo>> t = db.getaddrinfoTraced("missing.example.test", null, 0, 0, 0, 0);
      assertThat(t.value()).isNull();
      assertThat(t.error()).isInstanceOf(GaiException.class);
      assertThat(t.trace().steps().getLast())
          .isEqualTo(new TraceStep.Failure("gaierror", -2, "Name or service not known"));
      // As-is first (one dot, ndots 1), then the search domain: A and AAAA each.
      assertThat(t.trace().steps(TraceStep.Query.class))
          .extracting(x -> x.qname() + " " + x.qtype() + " " + x.rcode())
          .containsExactly("missing.example.test A NXDOMAIN", "missing.example.test AAAA NXDOMAIN",
              "missing.example.test.example.test A NXDOMAIN",
              "missing.example.test.example.test AAAA NXDOMAIN");
    }
  }

  @Test
  void javaFaceTracesToo() throws IOException {
    try (NetDb db = netDb()) {
      Traced<List<InetAddress>> t = db.lookupTraced("v4only.example", AddressFamily.UNSPEC);
      assertThat(t.orElseThrow()).isEqualTo(db.lookup("v4only.example", AddressFamily.UNSPEC));
      assertThat(t.trace().steps(TraceStep.Hosts.class)).extracting(TraceStep.Hosts::line).containsExactly(3);

      Traced<List<InetAddress>> missing = db.lookupTraced("missing.example.test", AddressFamily.INET);
      assertThat(missing.error()).isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(UnknownHostException.class);
      assertThat(missing.trace().steps().getLast()).isInstanceOf(TraceStep.Failure.class);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void osBackEndTracesItsHostsRouteAndItsResult() {
    NetDb os;
    try {
      os = NetDb.os();
    } catch (OsBackendUnavailableException e) {
      return; // covered where FFM works
    }
    Traced<List<AddrInfo>> t = os.getaddrinfoTraced("127.0.0.1", "80", 0, SocketType.STREAM.value(), 0, 0);
    // A numeric host: glibc answers it without NSS, so nothing is looked up here.
    dev.netdb.os.NssRoute route = dev.netdb.os.OsBackend.system().route("hosts");
    assertThat(t.trace().steps()).hasSize(2).last().isEqualTo(new TraceStep.Result(List.of("127.0.0.1"), ""));
    TraceStep.Nss nss = (TraceStep.Nss) t.trace().steps().getFirst();
    assertThat(nss.database()).isEqualTo("hosts");
    assertThat(nss.answeredBy()).isEqualTo(route.filesReader() ? "files" : "glibc");
    assertThat(nss.reason()).isEqualTo(route.reason());
    assertThat(nss.reason()).startsWith("hosts: " + String.join(" ", nss.sources()));
  }

  @Test
  void tracesAreImmutable() {
    Trace t = new Trace(new java.util.ArrayList<>(List.of(new TraceStep.Result(List.of(), ""))));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.steps().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
