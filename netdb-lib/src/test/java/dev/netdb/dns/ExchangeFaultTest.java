package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.FakeDnsServer.Action;
import dev.netdb.dns.FakeDnsServer.CloseMidway;
import dev.netdb.dns.FakeDnsServer.Delayed;
import dev.netdb.dns.FakeDnsServer.Drop;
import dev.netdb.dns.FakeDnsServer.FromOtherPort;
import dev.netdb.dns.FakeDnsServer.Many;
import dev.netdb.dns.FakeDnsServer.Reply;
import dev.netdb.dns.FakeDnsServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs one exchange per row against fake servers on loopback and checks how it ends: outcome,
 * requests per transport, which server answered, glibc's error, and that no wrong answer is ever
 * accepted (bad replies carry the poison address 203.0.113.66).
 */
class ExchangeFaultTest {
  static final String NAME = "host.example.test";
  static final ResourceRecord GOOD = new ResourceRecord.A(NAME, 1, 300, v4("192.0.2.10"));
  static final ResourceRecord POISON = new ResourceRecord.A(NAME, 1, 300, v4("203.0.113.66"));
  static final ResourceRecord SOA =
      new ResourceRecord.Soa("example.test", 1, 60, "ns1.example.test", "hostmaster.example.test", 1, 2, 3, 4, 30);

  /** Decides a server's action from its index, the request number at that server (from 0), and the request. */
  interface Handler {
    Action act(int server, int n, Request r);
  }

  record Row(
      String name,
      int servers,
      Handler handler,
      UnaryOperator<ResolverConfig.Builder> config,
      Class<? extends DnsOutcome> outcome,
      int udp,
      int tcp,
      int answeringServer,
      DnsError error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Action good(Request r) {
    return new Reply(Replies.answer(r.query(), GOOD));
  }

  static Action poison(Request r) {
    return new Reply(Replies.answer(r.query(), POISON));
  }

  static Row row(String name, int servers, Handler h, Class<? extends DnsOutcome> outcome, int udp, int tcp,
      int answering, DnsError error) {
    return new Row(name, servers, h, b -> b, outcome, udp, tcp, answering, error);
  }

  static Stream<Row> rows() {
    return Stream.of(
        row("answer", 1, (s, n, r) -> good(r), DnsOutcome.Answer.class, 1, 0, 0, null),
        row("drop everything: 2 attempts x 2 servers", 2, (s, n, r) -> new Drop(), DnsOutcome.Timeout.class, 4, 0, -1,
            DnsError.TRY_AGAIN),
        row("drop the first try, answer the retry", 1, (s, n, r) -> n == 0 ? new Drop() : good(r),
            DnsOutcome.Answer.class, 2, 0, 0, null),
        row("delay past the timeout, next server answers", 2,
            (s, n, r) -> s == 0 ? new Delayed(Duration.ofMillis(1500), good(r)) : good(r),
            DnsOutcome.Answer.class, 2, 0, 1, null),
        row("delay within the timeout", 1, (s, n, r) -> new Delayed(Duration.ofMillis(20), good(r)),
            DnsOutcome.Answer.class, 1, 0, 0, null),
        row("truncation moves to TCP", 1,
            (s, n, r) -> r.tcp() ? good(r) : new Reply(Replies.truncated(r.query())),
            DnsOutcome.Answer.class, 1, 1, 0, null),
        row("wrong ID is ignored, then the right one", 1,
            (s, n, r) -> new Many(List.of(new Reply(Replies.withId(Replies.answer(r.query(), POISON), r.query().header().id() ^ 1)), good(r))),
            DnsOutcome.Answer.class, 1, 0, 0, null),
        row("only wrong IDs: timeout", 1,
            (s, n, r) -> new Reply(Replies.withId(Replies.answer(r.query(), POISON), r.query().header().id() ^ 0x8000)),
            DnsOutcome.Timeout.class, 2, 0, -1, DnsError.TRY_AGAIN),
        row("wrong question is ignored", 1,
            (s, n, r) -> new Many(List.of(new Reply(Replies.otherQuestion(r.query(), "evil.example.test", POISON)), good(r))),
            DnsOutcome.Answer.class, 1, 0, 0, null),
        row("wrong type in the question: timeout", 1,
            (s, n, r) -> new Reply(Replies.wire(new DnsMessage(Replies.header(r.query(), 0, false),
                List.of(DnsQuestion.in(NAME, DnsType.AAAA)), List.of(POISON), List.of(), List.of()))),
            DnsOutcome.Timeout.class, 2, 0, -1, DnsError.TRY_AGAIN),
        row("question differing only in case is accepted", 1,
            (s, n, r) -> new Reply(Replies.otherQuestion(r.query(), "HoSt.ExAmPlE.tEsT", GOOD)),
            DnsOutcome.Answer.class, 1, 0, 0, null),
        row("reply from the wrong source port is ignored", 1,
            (s, n, r) -> new FromOtherPort(Replies.answer(r.query(), POISON)),
            DnsOutcome.Timeout.class, 2, 0, -1, DnsError.TRY_AGAIN),
        row("garbage is ignored, then the answer", 1,
            (s, n, r) -> new Many(List.of(new Reply(garbage(r)), good(r))),
            DnsOutcome.Answer.class, 1, 0, 0, null),
        row("glibc getanswer_r: a compression loop in the answer fails at once", 1,
            (s, n, r) -> new Reply(compressionLoop(r)), DnsOutcome.Malformed.class, 1, 0, -1, DnsError.NO_RECOVERY),
        row("SERVFAIL: next server answers", 2,
            (s, n, r) -> s == 0 ? new Reply(Replies.rcode(r.query(), DnsType.SERVFAIL)) : good(r),
            DnsOutcome.Answer.class, 2, 0, 1, null),
        row("SERVFAIL everywhere", 2, (s, n, r) -> new Reply(Replies.rcode(r.query(), DnsType.SERVFAIL)),
            DnsOutcome.ServFail.class, 4, 0, -1, DnsError.TRY_AGAIN),
        row("REFUSED: next server answers", 2,
            (s, n, r) -> s == 0 ? new Reply(Replies.rcode(r.query(), DnsType.REFUSED)) : good(r),
            DnsOutcome.Answer.class, 2, 0, 1, null),
        row("REFUSED everywhere", 2, (s, n, r) -> new Reply(Replies.rcode(r.query(), DnsType.REFUSED)),
            DnsOutcome.Refused.class, 4, 0, -1, DnsError.TRY_AGAIN),
        row("FORMERR is final", 2, (s, n, r) -> new Reply(Replies.rcode(r.query(), DnsType.FORMERR)),
            DnsOutcome.Refused.class, 1, 0, -1, DnsError.FINAL_RCODE),
        row("NXDOMAIN is final", 2, (s, n, r) -> new Reply(Replies.rcode(r.query(), DnsType.NXDOMAIN, SOA)),
            DnsOutcome.NxDomain.class, 1, 0, 0, DnsError.HOST_NOT_FOUND),
        row("NODATA is final", 2, (s, n, r) -> new Reply(Replies.rcode(r.query(), DnsType.NOERROR, SOA)),
            DnsOutcome.NoData.class, 1, 0, 0, DnsError.NO_DATA),
        row("TCP closes midway: next server, no further round", 2,
            (s, n, r) -> !r.tcp() ? new Reply(Replies.truncated(r.query()))
                : new CloseMidway(Replies.answer(r.query(), GOOD), 5),
            DnsOutcome.StreamBroken.class, 2, 2, -1, DnsError.STREAM_BROKEN),
        row("TCP closes midway, next server answers over TCP", 2,
            (s, n, r) -> !r.tcp() ? new Reply(Replies.truncated(r.query()))
                : s == 0 ? new CloseMidway(Replies.answer(r.query(), GOOD), 5) : good(r),
            DnsOutcome.Answer.class, 2, 2, 1, null),
        new Row("use-vc asks over TCP only", 1, (s, n, r) -> good(r), b -> b.useVc(true),
            DnsOutcome.Answer.class, 0, 1, 0, null),
        new Row("attempts:1 drops: one request per server", 2, (s, n, r) -> new Drop(), b -> b.attempts(1),
            DnsOutcome.Timeout.class, 2, 0, -1, DnsError.TRY_AGAIN));
  }

  static byte[] garbage(Request r) {
    byte[] g = new byte[40];
    for (int i = 0; i < g.length; i++) g[i] = (byte) (i * 37 + 11);
    int id = r.query().header().id();
    g[0] = (byte) (id >> 8); // same ID and QR set, the rest junk
    g[1] = (byte) id;
    g[2] = (byte) 0x81;
    return g;
  }

  /** A reply whose answer owner is a pointer to itself: must never be followed. */
  static byte[] compressionLoop(Request r) {
    byte[] ok = Replies.answer(r.query(), GOOD);
    int answerAt = 12 + NAME.length() + 2 + 4;
    byte[] bad = ok.clone();
    bad[answerAt] = (byte) (0xC0 | answerAt >> 8);
    bad[answerAt + 1] = (byte) answerAt;
    return bad;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void faultRow(Row row) throws Exception {
    List<FakeDnsServer> servers = new ArrayList<>();
    AtomicIntegerArray counts = new AtomicIntegerArray(row.servers());
    try {
      for (int i = 0; i < row.servers(); i++) {
        int index = i;
        servers.add(FakeDnsServer.start(r -> row.handler().act(index, counts.getAndIncrement(index), r)));
      }
      ResolverConfig.Builder b = ResolverConfig.builder().timeout(Duration.ofMillis(500)).attempts(2);
      servers.forEach(s -> b.nameserver(s.address()));
      ResolverConfig cfg = row.config().apply(b).build();
      try (DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled())) {
        DnsOutcome o = client.exchange(DnsQuestion.in(NAME, DnsType.A)).join();
        assertThat(o).isInstanceOf(row.outcome());
        assertThat(DnsError.of(o)).isEqualTo(row.error());
        List<Request> log = servers.stream().flatMap(s -> s.log().stream()).toList();
        assertThat(log.stream().filter(r -> !r.tcp()).count()).as("UDP requests").isEqualTo(row.udp());
        assertThat(log.stream().filter(Request::tcp).count()).as("TCP requests").isEqualTo(row.tcp());
        if (o instanceof DnsOutcome.Answer a) {
          assertThat(a.server()).isEqualTo(servers.get(row.answeringServer()).address());
          assertThat(a.message().answers()).containsExactly(GOOD);
        }
        if (o instanceof DnsOutcome.NxDomain n) assertThat(n.server()).isEqualTo(servers.get(row.answeringServer()).address());
        if (o instanceof DnsOutcome.NoData n) assertThat(n.server()).isEqualTo(servers.get(row.answeringServer()).address());
      }
    } finally {
      servers.forEach(FakeDnsServer::close);
    }
  }

  /** One {@link HostileScenario} at the exchange level: how it ends, and what it cost. */
  record HostileRow(HostileScenario scenario, Class<? extends DnsOutcome> outcome, DnsError error, int udp, int tcp) {
    @Override
    public String toString() {
      return scenario + " (" + scenario.label + ")";
    }
  }

  static Stream<HostileRow> hostileRows() {
    Class<? extends DnsOutcome> malformed = DnsOutcome.Malformed.class;
    return Stream.of(
        new HostileRow(HostileScenario.GOOD, DnsOutcome.Answer.class, null, 1, 0),
        // glibc getanswer_r: NO_RECOVERY at once for an answer section it cannot read
        new HostileRow(HostileScenario.POINTER_LOOP, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.LABEL_0X40, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.NAME_OVER_255, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.RDLENGTH_PAST_END, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.ADDRESS_RDLENGTH_SHORT, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.ADDRESS_RDLENGTH_LONG, malformed, DnsError.NO_RECOVERY, 1, 0),
        new HostileRow(HostileScenario.ANCOUNT_10000, malformed, DnsError.NO_RECOVERY, 1, 0),
        // glibc never parses the authority section of a host lookup
        new HostileRow(HostileScenario.BAD_SOA_NODATA, DnsOutcome.NoData.class, DnsError.NO_DATA, 1, 0),
        new HostileRow(HostileScenario.BAD_SOA_NXDOMAIN, DnsOutcome.NxDomain.class, DnsError.HOST_NOT_FOUND, 1, 0),
        // glibc ns_name_unpack follows forward pointers; res_send ignores bytes after the records
        new HostileRow(HostileScenario.FORWARD_POINTER, DnsOutcome.Answer.class, null, 1, 0),
        new HostileRow(HostileScenario.TRAILING_BYTES, DnsOutcome.Answer.class, null, 1, 0),
        // glibc send_dg: same socket and ID across tries, so the late answer to try 1 is taken in try 2
        new HostileRow(HostileScenario.LATE_REPLY, DnsOutcome.Answer.class, null, 2, 0),
        new HostileRow(HostileScenario.CNAME_CHAIN_40, DnsOutcome.Answer.class, null, 1, 0),
        new HostileRow(HostileScenario.CNAME_SELF, DnsOutcome.Answer.class, null, 1, 0),
        // glibc __res_context_query: ANCOUNT 1 is not NODATA, whatever the record's type
        new HostileRow(HostileScenario.OTHER_TYPE_ONLY, DnsOutcome.Answer.class, null, 1, 0),
        // glibc __res_context_query: any RCODE but NOERROR/NXDOMAIN/SERVFAIL/NOTIMP/REFUSED is final
        new HostileRow(HostileScenario.FORMERR, DnsOutcome.Refused.class, DnsError.FINAL_RCODE, 1, 0),
        new HostileRow(HostileScenario.RCODE_15, DnsOutcome.Refused.class, DnsError.FINAL_RCODE, 1, 0),
        // glibc send_vc: a connection that breaks mid-reply fails with NOTFOUND
        new HostileRow(HostileScenario.TCP_SHORT_PREFIX, DnsOutcome.StreamBroken.class, DnsError.STREAM_BROKEN, 1, 1),
        new HostileRow(HostileScenario.TCP_CUT, DnsOutcome.StreamBroken.class, DnsError.STREAM_BROKEN, 1, 1),
        new HostileRow(HostileScenario.TCP_JUNK, malformed, DnsError.NO_RECOVERY, 1, 1),
        // stricter than glibc (README): a TCP reply to another question is refused, not taken
        new HostileRow(HostileScenario.TCP_WRONG_QUESTION, malformed, DnsError.NO_RECOVERY, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRows")
  void hostileRow(HostileRow row) throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(HostileScenario::handle)) {
      // glibc's reference settings for these rows: one server, timeout:1 attempts:2
      ResolverConfig cfg = ResolverConfig.builder().timeout(Duration.ofSeconds(1)).attempts(2)
          .nameserver(server.address()).build();
      try (DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled())) {
        long t0 = System.nanoTime();
        DnsOutcome o = client.exchange(DnsQuestion.in(row.scenario().hostName(), DnsType.A)).join();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(o).as("%s after %d ms", o, ms).isInstanceOf(row.outcome());
        assertThat(DnsError.of(o)).isEqualTo(row.error());
        List<Request> log = server.log();
        assertThat(log.stream().filter(r -> !r.tcp()).count()).as("UDP requests").isEqualTo(row.udp());
        assertThat(log.stream().filter(Request::tcp).count()).as("TCP requests").isEqualTo(row.tcp());
        // the same ID for every try of the exchange, as glibc's send_dg
        assertThat(log.stream().map(r -> r.query().header().id()).distinct().count()).isEqualTo(1);
        if (row.udp() > 1) {
          assertThat(log.stream().filter(r -> !r.tcp()).map(Request::from).distinct().count())
              .as("retries to the same server reuse the socket").isEqualTo(1);
        }
        if (o instanceof DnsOutcome.Answer a && row.scenario() != HostileScenario.OTHER_TYPE_ONLY) {
          assertThat(a.message().answers()).isNotEmpty().noneMatch(r -> r instanceof ResourceRecord.A x
              && x.address().equals(v4("203.0.113.66")));
        }
        if (row.error() != null && row.scenario() != HostileScenario.LATE_REPLY) {
          assertThat(ms).as("answered at once, not after the timeout").isLessThan(900);
        }
      }
    }
  }

  /** glibc's security property kept: each query (exchange) has a socket, so a port, of its own. */
  @org.junit.jupiter.api.Test
  void eachQueryHasItsOwnPort() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(r -> new Delayed(Duration.ofMillis(300), HostileScenario.handle(r)))) {
      ResolverConfig cfg = ResolverConfig.builder().timeout(Duration.ofSeconds(2)).nameserver(server.address()).build();
      try (DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled())) {
        List<java.util.concurrent.CompletableFuture<DnsOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) all.add(client.exchange(DnsQuestion.in("q" + i + ".good.hostile.test", DnsType.A)));
        for (var f : all) assertThat(f.join()).isInstanceOf(DnsOutcome.Answer.class);
        // all 50 were open at once (each answered 300 ms late), so their ports must differ
        assertThat(server.log().stream().map(Request::from).distinct().count()).isEqualTo(50);
      }
    }
  }
}
