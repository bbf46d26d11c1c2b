package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.GaiException;
import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import dev.netdb.NetDbStats;
import dev.netdb.Traced;
import dev.netdb.trace.Trace;
import dev.netdb.trace.TraceStep;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the answer cache in front of {@code getaddrinfo} shows to an observer: the trace's {@code
 * answer-cache} steps (hit, miss, expired, stale, joined, with the remaining TTL on the builder's
 * stepped clock, so every figure is exact), the {@code joined} step of a DNS question that waited
 * for another lookup's exchange, the {@code dev.netdb.Lookup} event's {@code cached} and {@code
 * stale} fields and the {@code dev.netdb.CacheStatistics} counts with the answer cache on, the
 * stats snapshot's stale and negative counts, and the one log record of a stale answer. The server
 * is the in-process fake on 127.0.0.1; the DNS cache under the answer cache is off, so each query
 * the server logs is one the answer cache did not answer.
 */
class AnswerCacheObservedTest {
  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  /** What the server answers, by "name TYPE"; absent: NXDOMAIN with an SOA of minimum 60. */
  final Map<String, Function<DnsMessage, FakeDnsServer.Action>> zone = new ConcurrentHashMap<>();
  FakeDnsServer server;
  final List<NetDb> opened = new ArrayList<>();
  private final Logger jul = Logger.getLogger("dev.netdb.resolve.AnswerCache");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start() throws Exception {
    server = FakeDnsServer.start(r -> {
      DnsQuestion q = r.query().questions().getFirst();
      var h = zone.get(DnsName.lowerAscii(q.name()) + " " + (q.type() == DnsType.A ? "A" : "AAAA"));
      return h != null ? h.apply(r.query())
          : new FakeDnsServer.Reply(Replies.rcode(r.query(), 3, AnswerCacheTest.soa(60, 60)));
    });
    Files.writeString(dir.resolve("hosts"), "192.0.2.1 files.test\n");
    Files.writeString(dir.resolve("resolv.conf"), "options timeout:1 attempts:1\n");
    jul.addHandler(handler);
  }

  @AfterEach
  void stop() {
    jul.removeHandler(handler);
    opened.forEach(NetDb::close);
    server.close();
  }

  NetDb open(NetDbBuilder b) {
    NetDb db = b.build();
    opened.add(db);
    return db;
  }

  NetDbBuilder builder() {
    return NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
        .gaiConf(dir.resolve("none")).hostConf(dir.resolve("none")).hostname("h").noInterfaceAddresses()
        .nameserver(server.address()).clock(clock::get).cache(false).answerCache(true);
  }

  void step(long seconds) {
    clock.addAndGet(seconds * SECOND);
  }

  static FakeDnsServer.Action a(DnsMessage q, String name, long ttl, String ip) {
    return new FakeDnsServer.Reply(Replies.answer(q,
        new ResourceRecord.A(name, DnsType.CLASS_IN, ttl, (Inet4Address) InetAddress.ofLiteral(ip))));
  }

  static Traced<List<AddrInfo>> traced(NetDb db, String host) {
    return db.getaddrinfoTraced(host, null, 2, 1, 0, 0);
  }

  static List<TraceStep.CachedAnswer> answerSteps(Trace t) {
    return t.steps(TraceStep.CachedAnswer.class);
  }

  @Test
  void aMissThenAHitWithTheRemainingTtl() {
    zone.put("t.test A", q -> a(q, "t.test", 300, "192.0.2.10"));
    NetDb db = open(builder());
    Traced<List<AddrInfo>> first = traced(db, "t.test");
    assertThat(answerSteps(first.trace())).containsExactly(new TraceStep.CachedAnswer("t.test", "miss", "", 0, 0));
    assertThat(first.trace().steps(TraceStep.Query.class)).extracting(TraceStep.Query::qname).containsExactly("t.test");
    assertThat(first.trace().steps().get(1)).as("the verdict comes before the pipeline's steps")
        .isInstanceOf(TraceStep.CachedAnswer.class);

    step(100);
    Traced<List<AddrInfo>> second = traced(db, "t.test");
    assertThat(second.value()).isEqualTo(first.value());
    assertThat(answerSteps(second.trace()))
        .containsExactly(new TraceStep.CachedAnswer("t.test", "hit", "dns", 200_000, 0));
    assertThat(second.trace().steps(TraceStep.Query.class)).isEmpty();
    assertThat(second.trace().steps(TraceStep.Hosts.class)).as("the pipeline did not run").isEmpty();
    assertThat(server.log()).hasSize(1);
  }

  @Test
  void aNegativeEntryIsAHitOfKindNegativeUntilTheSoaMinimum() {
    NetDb db = open(builder());
    assertThat(traced(db, "gone.test").error()).isInstanceOf(GaiException.class);
    step(15);
    Traced<List<AddrInfo>> again = traced(db, "gone.test");
    assertThat(again.error()).isInstanceOf(GaiException.class);
    assertThat(answerSteps(again.trace()))
        .containsExactly(new TraceStep.CachedAnswer("gone.test", "hit", "negative", 45_000, 0));
    assertThat(again.trace().steps().getLast()).isInstanceOf(TraceStep.Failure.class);
    NetDbStats s = db.stats();
    assertThat(s.cacheNegativeEntries()).isEqualTo(1);
    assertThat(s.cacheHits()).isEqualTo(1);
  }

  @Test
  void anExpiredAnswerIsRefreshedThenServedStaleAndLoggedOnce() {
    zone.put("s.test A", q -> a(q, "s.test", 60, "192.0.2.40"));
    NetDb db = open(builder().staleOnFailure(Duration.ofHours(1)).staleResponseTimeout(Duration.ZERO));
    traced(db, "s.test");
    zone.put("s.test A", q -> new FakeDnsServer.Reply(Replies.rcode(q, 2)));
    step(70);
    Traced<List<AddrInfo>> refreshed = traced(db, "s.test");
    assertThat(refreshed.value()).extracting(AddrInfo::host).containsExactly("192.0.2.40");
    Trace t = refreshed.trace();
    assertThat(answerSteps(t)).containsExactly(
        new TraceStep.CachedAnswer("s.test", "expired", "dns", 0, 10_000),
        new TraceStep.CachedAnswer("s.test", "stale", "dns", 0, 10_000));
    assertThat(t.steps(TraceStep.Query.class)).extracting(TraceStep.Query::rcode).containsExactly("SERVFAIL");
    assertThat(t.steps().indexOf(t.steps(TraceStep.Query.class).getFirst()))
        .as("expired, then the refresh's query, then stale")
        .isBetween(t.steps().indexOf(answerSteps(t).get(0)), t.steps().indexOf(answerSteps(t).get(1)));

    step(5); // inside RFC 8767's 30 s failure recheck timer: served without asking
    Traced<List<AddrInfo>> recheck = traced(db, "s.test");
    assertThat(answerSteps(recheck.trace()))
        .containsExactly(new TraceStep.CachedAnswer("s.test", "stale", "dns", 0, 15_000));
    assertThat(recheck.trace().steps(TraceStep.Query.class)).isEmpty();

    assertThat(db.stats().cacheStaleServed()).isEqualTo(2);
    List<LogRecord> stale = records.stream().filter(r -> r.getLevel() == Level.INFO).toList();
    assertThat(stale).as("one record per entry, not per stale answer").hasSize(1);
    assertThat(java.text.MessageFormat.format(stale.getFirst().getMessage(), stale.getFirst().getParameters()))
        .contains("stale answer for s.test").contains("expired 10,000 ms ago").contains("RFC 8767");
  }

  @Test
  void aLookupThatJoinsAnotherShowsWhatItJoined() {
    zone.put("j.test A", q -> new FakeDnsServer.Delayed(Duration.ofMillis(500), a(q, "j.test", 300, "192.0.2.70")));
    NetDb db = open(builder());
    // Identical calls meet in the answer cache; calls that differ only by service meet in the DNS
    // stage, on the one A question they share.
    CompletableFuture<List<AddrInfo>> first = db.getaddrinfoAsync("j.test", "80", 2, 1, 0, 0);
    Traced<List<AddrInfo>> sameCall = db.getaddrinfoTraced("j.test", "80", 2, 1, 0, 0);
    assertThat(answerSteps(sameCall.trace()))
        .containsExactly(new TraceStep.CachedAnswer("j.test", "miss", "", 0, 0),
            new TraceStep.CachedAnswer("j.test", "joined", "", 0, 0));
    assertThat(sameCall.trace().steps(TraceStep.Query.class)).isEmpty();
    first.join();

    zone.put("k.test A", q -> new FakeDnsServer.Delayed(Duration.ofMillis(500), a(q, "k.test", 300, "192.0.2.71")));
    CompletableFuture<List<AddrInfo>> other = db.getaddrinfoAsync("k.test", "80", 2, 1, 0, 0);
    Traced<List<AddrInfo>> otherService = db.getaddrinfoTraced("k.test", "443", 2, 1, 0, 0);
    other.join();
    assertThat(otherService.value()).extracting(AddrInfo::host).containsExactly("192.0.2.71");
    assertThat(otherService.trace().steps(TraceStep.Query.class)).as("no packet of its own").isEmpty();
    List<TraceStep.Joined> joined = otherService.trace().steps(TraceStep.Joined.class);
    assertThat(joined).hasSize(1);
    TraceStep.Joined j = joined.getFirst();
    assertThat(j.qname()).isEqualTo("k.test");
    assertThat(j.qtype()).isEqualTo("A");
    assertThat(j.server()).isEqualTo("127.0.0.1:" + server.address().getPort());
    assertThat(j.rcode()).isEqualTo("NOERROR");
    assertThat(server.log()).as("one query per name").hasSize(2);
  }

  @Test
  void lookupEventsSayCachedAndStaleAndTheStatisticsCountTheAnswerCache() throws Exception {
    zone.put("e.test A", q -> a(q, "e.test", 60, "192.0.2.80"));
    List<RecordedEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch statistics = new CountDownLatch(1);
    try (RecordingStream rs = new RecordingStream()) {
      NetDb db = open(builder().staleOnFailure(Duration.ofHours(1)).staleResponseTimeout(Duration.ZERO));
      rs.setReuse(false); // the list keeps every event
      rs.enable("dev.netdb.Lookup");
      rs.enable("dev.netdb.CacheStatistics").withPeriod(Duration.ofMillis(100));
      CountDownLatch staleLookup = new CountDownLatch(1);
      rs.onEvent("dev.netdb.Lookup", e -> {
        events.add(e);
        if (e.getBoolean("stale")) {
          staleLookup.countDown();
        }
      });
      rs.onEvent("dev.netdb.CacheStatistics", e -> {
        // the sums over every live resolver of the JVM: ours adds 1 stale answer and 1 negative entry
        if (e.getLong("staleServed") >= 1 && e.getLong("negative") >= 1) {
          statistics.countDown();
        }
      });
      rs.startAsync();
      db.getaddrinfo("e.test", null, 2, 1, 0, 0);                      // miss
      db.getaddrinfo("e.test", null, 2, 1, 0, 0);                      // hit
      db.getaddrinfoAsync("none.test", null, 2, 1, 0, 0).handle((v, x) -> null).join(); // NXDOMAIN, kept
      db.getaddrinfoAsync("none.test", null, 2, 1, 0, 0).handle((v, x) -> null).join(); // negative hit
      zone.put("e.test A", q -> new FakeDnsServer.Drop());
      step(61);
      db.getaddrinfo("e.test", null, 2, 1, 0, 0);                      // timeout: stale
      assertThat(statistics.await(20, TimeUnit.SECONDS)).as("a CacheStatistics event with the stale answer").isTrue();
      assertThat(staleLookup.await(20, TimeUnit.SECONDS)).as("the stale lookup's event").isTrue();
    }
    assertThat(events).extracting(e -> e.getString("host") + " cached=" + e.getBoolean("cached")
            + " stale=" + e.getBoolean("stale") + " " + e.getString("outcome"))
        .containsExactly(
            "e.test cached=false stale=false ok",
            "e.test cached=true stale=false ok",
            "none.test cached=false stale=false [Errno -2] Name or service not known",
            "none.test cached=true stale=false [Errno -2] Name or service not known",
            "e.test cached=false stale=true ok");
    assertThat(events.getLast().getString("addresses")).isEqualTo("192.0.2.80");
  }
}
