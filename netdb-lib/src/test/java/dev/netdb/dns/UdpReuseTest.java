package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.FakeDnsServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the bounded socket-reuse mode ({@code udpMaxQueries}, c-ares {@code
 * ARES_OPT_UDP_MAX_QUERIES}) from the server's side, on the transport of this test pass: each
 * source port carries at most N queries and then a new port follows, the IDs on one port are all
 * different, and replies that do not match (wrong ID, wrong question, another query's ID) are
 * still ignored. Off (0) means one port per query. Every packet goes to a fake server on loopback.
 */
class UdpReuseTest {
  final List<AutoCloseable> closing = new ArrayList<>();
  final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) c.close();
    executor.shutdownNow();
  }

  FakeDnsServer answering() throws Exception {
    FakeDnsServer s = FakeDnsServer.start(r -> new Reply(Replies.answer(r.query(),
        new ResourceRecord.A(r.query().questions().getFirst().name(), 1, 300,
            v4("192.0.2.10")))));
    closing.add(s);
    return s;
  }

  DnsClient client(FakeDnsServer s, int udpMaxQueries) throws Exception {
    return client(s, udpMaxQueries, 0, Duration.ofMillis(400));
  }

  DnsClient client(FakeDnsServer s, int udpMaxQueries, int maxSockets, Duration timeout) throws Exception {
    ResolverConfig cfg = ResolverConfig.builder().timeout(timeout).attempts(1).nameserver(s.address()).build();
    DnsClient c = DnsClient.create(() -> cfg, DnsCache.disabled(), executor, maxSockets, udpMaxQueries);
    closing.add(c);
    return c;
  }

  /** Returns the IDs the server saw, by source port, in arrival order. */
  static Map<Integer, List<Integer>> idsByPort(FakeDnsServer s) {
    Map<Integer, List<Integer>> m = new LinkedHashMap<>();
    for (FakeDnsServer.Request r : s.log()) {
      m.computeIfAbsent(r.from().getPort(), k -> new ArrayList<>()).add(r.query().header().id());
    }
    return m;
  }

  @ParameterizedTest(name = "udpMaxQueries {0}, {1} queries one after another: ports of {2}")
  @CsvSource(delimiter = '|', textBlock = """
      0   | 5  | 1,1,1,1,1
      1   | 3  | 1,1,1
      10  | 25 | 10,10,5
      100 | 100| 100
      """)
  void eachPortCarriesAtMostNQueriesThenANewPortFollows(int n, int count, String sizes) throws Exception {
    FakeDnsServer s = answering();
    DnsClient c = client(s, n);
    for (int i = 0; i < count; i++) {
      assertThat(c.exchange(DnsQuestion.in("q" + i + ".example.test", DnsType.A)).join())
          .isInstanceOf(DnsOutcome.Answer.class);
    }
    Map<Integer, List<Integer>> byPort = idsByPort(s);
    assertThat(byPort.values().stream().map(List::size).map(String::valueOf).toList())
        .containsExactly(sizes.split(","));
    byPort.values().forEach(ids -> assertThat(ids).as("IDs on one port").doesNotHaveDuplicates());
  }

  @Test
  void queriesInFlightTogetherShareAPortUpToNWithUniqueIds() throws Exception {
    FakeDnsServer s = answering();
    // At most 64 in flight: the one-threaded fake server's receive buffer must not overflow.
    DnsClient c = client(s, 50, 64, Duration.ofSeconds(5)); // a loaded machine: nothing here is about time
    List<CompletableFuture<DnsOutcome>> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) all.add(c.exchange(DnsQuestion.in("p" + i + ".example.test", DnsType.A)));
    for (CompletableFuture<DnsOutcome> f : all) assertThat(f.join()).isInstanceOf(DnsOutcome.Answer.class);
    Map<Integer, List<Integer>> byPort = idsByPort(s);
    assertThat(byPort.values()).allSatisfy(ids -> {
      assertThat(ids).hasSizeLessThanOrEqualTo(50);
      assertThat(ids).doesNotHaveDuplicates();
    });
    assertThat(byPort).hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"wrong ID", "wrong question", "the other query's ID"})
  void repliesThatDoNotMatchAreIgnoredOnASharedSocket(String fault) throws Exception {
    // Two queries in flight on one socket; the server answers each in a way that must not match.
    List<FakeDnsServer.Request> seen = new ArrayList<>();
    FakeDnsServer s = FakeDnsServer.start(r -> {
      DnsMessage q = r.query();
      byte[] good = Replies.answer(q, new ResourceRecord.A(q.questions().getFirst().name(), 1, 300,
          v4("192.0.2.10")));
      synchronized (seen) {
        seen.add(r);
        return switch (fault) {
          case "wrong ID" -> new Reply(Replies.withId(good, q.header().id() ^ 0x5A5A));
          case "wrong question" -> new Reply(Replies.otherQuestion(q, "other.example.test"));
          default -> seen.size() < 2 ? new FakeDnsServer.Drop()
              // the second query's answer carries the first's ID: right socket, wrong question
              : new Reply(Replies.withId(good, seen.getFirst().query().header().id()));
        };
      }
    });
    closing.add(s);
    DnsClient c = client(s, 10);
    CompletableFuture<DnsOutcome> a = c.exchange(DnsQuestion.in("a.example.test", DnsType.A));
    CompletableFuture<DnsOutcome> b = c.exchange(DnsQuestion.in("b.example.test", DnsType.A));
    assertThat(a.join()).isInstanceOf(DnsOutcome.Timeout.class);
    assertThat(b.join()).isInstanceOf(DnsOutcome.Timeout.class);
    assertThat(idsByPort(s)).hasSize(1); // both did share the socket
  }
}
