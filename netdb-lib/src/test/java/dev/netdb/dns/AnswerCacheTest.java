package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.GaiException;
import dev.netdb.Inet;
import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import dev.netdb.ResolvedAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer cache in front of {@code getaddrinfo} ({@code resolve.AnswerCache}), through {@link
 * NetDb#builder()}, against the in-process fake server on 127.0.0.1 and a stepped clock. The DNS
 * cache under it is off ({@code cache(false).answerCache(true)}), so every query the server logs
 * is one the answer cache did not answer.
 */
class AnswerCacheTest {
  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  /** What the server answers, by "name TYPE"; absent: NXDOMAIN with an SOA of minimum 60. */
  final Map<String, Function<DnsMessage, FakeDnsServer.Action>> zone = new ConcurrentHashMap<>();
  FakeDnsServer server;
  Path hosts;
  Path resolv;
  final List<NetDb> opened = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = FakeDnsServer.start(r -> {
      DnsQuestion q = r.query().questions().getFirst();
      var h = zone.get(DnsName.lowerAscii(q.name()) + " " + (q.type() == DnsType.A ? "A" : "AAAA"));
      return h != null ? h.apply(r.query()) : reply(Replies.rcode(r.query(), 3, soa(60, 60)));
    });
    hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.1 files.test\n");
    resolv = Files.writeString(dir.resolve("resolv.conf"), "options timeout:1 attempts:1\n");
  }

  @AfterEach
  void stop() {
    opened.forEach(NetDb::close);
    server.close();
  }

  NetDbBuilder builder() {
    return NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(dir.resolve("none")).hostname("h").noInterfaceAddresses()
        .nameserver(server.address())
        .clock(clock::get).cache(false).answerCache(true);
  }

  NetDb open(NetDbBuilder b) {
    NetDb db = b.build();
    opened.add(db);
    return db;
  }

  static FakeDnsServer.Action reply(byte[] wire) {
    return new FakeDnsServer.Reply(wire);
  }

  static ResourceRecord.Soa soa(long ttl, long minimum) {
    return new ResourceRecord.Soa("test", DnsType.CLASS_IN, ttl, "ns.test", "admin.test", 1, 3600, 600, 86400, minimum);
  }

  static ResourceRecord.A a(String name, long ttl, String ip) {
    return new ResourceRecord.A(name, DnsType.CLASS_IN, ttl, (Inet4Address) InetAddress.ofLiteral(ip));
  }

  static ResourceRecord.Aaaa aaaa(String name, long ttl, String ip) {
    return new ResourceRecord.Aaaa(name, DnsType.CLASS_IN, ttl, (Inet6Address) InetAddress.ofLiteral(ip));
  }

  void step(long seconds) {
    clock.addAndGet(seconds * SECOND);
  }

  long queries() {
    return server.log().size();
  }

  /** Returns the answer's addresses, or the gaierror's code. */
  static String outcome(NetDb db, String host, int family) {
    try {
      return db.getaddrinfo(host, null, family, 1, 0, 0).stream().map(AddrInfo::host).toList().toString();
    } catch (GaiException e) {
      return "EAI " + e.code().orElseThrow();
    }
  }

  /**
   * The ways to ask, each over the same answer cache: the Python face and the Java face's calls
   * (whose warm call is the cache's synchronous hit path). Each gives the addresses as text in its
   * order, or the gaierror's code.
   */
  enum Face {
    GETADDRINFO, LOOKUP, RESOLVE, LOOKUP_PREFERRING_INET6, LOOKUP_ASYNC;

    String outcome(NetDb db, String host, int family) {
      if (this == GETADDRINFO) {
        return AnswerCacheTest.outcome(db, host, family);
      }
      AddressFamily f = family == 2 ? AddressFamily.INET : family == 10 ? AddressFamily.INET6 : AddressFamily.UNSPEC;
      try {
        List<InetAddress> got = switch (this) {
          case LOOKUP -> db.lookup(host, f);
          case RESOLVE -> db.resolve(host, f).addresses();
          case LOOKUP_ASYNC -> {
            try {
              yield db.lookupAsync(host, f).join();
            } catch (java.util.concurrent.CompletionException e) {
              throw (UnknownHostException) e.getCause();
            }
          }
          default -> f == AddressFamily.UNSPEC ? db.lookupPreferring(host, AddressFamily.INET6) : db.lookup(host, f);
        };
        assertThat(got).extracting(InetAddress::getHostName).containsOnly(host);
        return got.stream().map(a -> Inet.ntop(a instanceof Inet4Address ? AddressFamily.INET : AddressFamily.INET6,
            a.getAddress())).toList().toString();
      } catch (UnknownHostException e) {
        return "EAI " + ((GaiException) e.getCause()).code().orElseThrow();
      }
    }
  }

  /** Returns every row of {@code rows} with every face. */
  static <T> Stream<Arguments> byFace(Stream<T> rows) {
    return rows.flatMap(r -> Stream.of(Face.values()).map(f -> Arguments.of(r, f)));
  }

  static Stream<Arguments> lifetimesByFace() {
    return byFace(lifetimes());
  }

  static Stream<Arguments> staleRowsByFace() {
    return byFace(staleRows());
  }

  static Stream<Arguments> filesRowsByFace() {
    return byFace(filesRows());
  }

  static Stream<Face> faces() {
    return Stream.of(Face.values());
  }

  /**
   * One lifetime row: the zone for {@code name}, the family asked, and how long the answer lives.
   */
  record Lifetime(String label, String name, int family, Map<String, Function<DnsMessage, FakeDnsServer.Action>> zone,
      long lifetime) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Lifetime> lifetimes() {
    return Stream.of(
        new Lifetime("A, TTL 30", "a.test", 2,
            Map.of("a.test A", q -> reply(Replies.answer(q, a("a.test", 30, "192.0.2.10")))), 30),
        new Lifetime("A 300 and AAAA 40: the smaller", "both.test", 0, Map.of(
            "both.test A", q -> reply(Replies.answer(q, a("both.test", 300, "192.0.2.11"))),
            "both.test AAAA", q -> reply(Replies.answer(q, aaaa("both.test", 40, "2001:db8::11")))), 40),
        new Lifetime("CNAME 5 to A 100: the CNAME's", "alias.test", 2, Map.of("alias.test A", q -> reply(
            Replies.answer(q, new ResourceRecord.Cname("alias.test", DnsType.CLASS_IN, 5, "real.test"),
                a("real.test", 100, "192.0.2.12")))), 5),
        new Lifetime("A 300, AAAA NODATA with SOA minimum 20: the negative side's", "v4only.test", 0, Map.of(
            "v4only.test A", q -> reply(Replies.answer(q, a("v4only.test", 300, "192.0.2.13"))),
            "v4only.test AAAA", q -> reply(Replies.rcode(q, 0, soa(600, 20)))), 20),
        new Lifetime("NXDOMAIN, SOA TTL 15 minimum 60: min of the two (RFC 2308)", "gone.test", 2,
            Map.of("gone.test A", q -> reply(Replies.rcode(q, 3, soa(15, 60)))), 15),
        new Lifetime("NODATA, SOA minimum 10", "nodata.test", 10,
            Map.of("nodata.test AAAA", q -> reply(Replies.rcode(q, 0, soa(3600, 10)))), 10),
        new Lifetime("NXDOMAIN without SOA: not kept", "nosoa.test", 2,
            Map.of("nosoa.test A", q -> reply(Replies.rcode(q, 3))), 0),
        new Lifetime("SERVFAIL: never kept", "broken.test", 2,
            Map.of("broken.test A", q -> reply(Replies.rcode(q, 2))), 0),
        new Lifetime("A, TTL 0: not kept", "zero.test", 2,
            Map.of("zero.test A", q -> reply(Replies.answer(q, a("zero.test", 0, "192.0.2.14")))), 0));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("lifetimesByFace")
  void answersLiveForTheirTtlOnTheClock(Lifetime row, Face face) {
    zone.putAll(row.zone());
    NetDb db = open(builder());
    String first = face.outcome(db, row.name(), row.family());
    long sent = queries();
    assertThat(sent).isPositive();
    if (row.lifetime() == 0) {
      assertThat(face.outcome(db, row.name(), row.family())).isEqualTo(first);
      assertThat(queries()).as("asked again").isEqualTo(2 * sent);
      return;
    }
    long hits = db.stats().cacheHits();
    step(row.lifetime() - 1);
    assertThat(face.outcome(db, row.name(), row.family())).isEqualTo(first);
    assertThat(queries()).as("answered from the cache").isEqualTo(sent);
    assertThat(db.stats().cacheHits()).as("one hit counted").isEqualTo(hits + 1);
    step(1);
    assertThat(face.outcome(db, row.name(), row.family())).isEqualTo(first);
    assertThat(queries()).as("asked again once the lifetime is over").isEqualTo(2 * sent);
  }

  @Test
  void aRecordChangeIsFollowedOnceItsTtlRunsOutAndTheJavaFaceSaysWhen() throws Exception {
    zone.put("move.test A", q -> reply(Replies.answer(q, a("move.test", 60, "192.0.2.20"))));
    NetDb db = open(builder());
    ResolvedAddresses r = db.resolve("move.test", AddressFamily.INET);
    assertThat(r.addresses()).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.20");
    assertThat(r.addresses()).extracting(InetAddress::getHostName).containsExactly("move.test");
    assertThat(r.ttl()).isEqualTo(Duration.ofSeconds(60));
    zone.put("move.test A", q -> reply(Replies.answer(q, a("move.test", 60, "192.0.2.21"))));
    step(45);
    assertThat(db.resolve("move.test", AddressFamily.INET).ttl()).isEqualTo(Duration.ofSeconds(15));
    assertThat(db.lookup("move.test", AddressFamily.INET)).extracting(InetAddress::getHostAddress)
        .containsExactly("192.0.2.20");
    step(15);
    assertThat(db.resolveAsync("move.test", dev.netdb.AddrInfoHints.of(AddressFamily.INET)).join().addresses())
        .extracting(InetAddress::getHostAddress).containsExactly("192.0.2.21");
    // A numeric host never changes; the OS-style default of the interface knows no TTL.
    assertThat(db.resolve("192.0.2.99", AddressFamily.UNSPEC).ttl()).isEqualTo(ResolvedAddresses.FOREVER);
    assertThatThrownBy(() -> db.resolve("gone.test", AddressFamily.INET))
        .isInstanceOf(UnknownHostException.class).hasMessageStartingWith("gone.test");
  }

  @Test
  void anAnswerBuiltFromAnAgedDnsCacheEntryLivesOnlyWhatIsLeftOfIt() throws Exception {
    zone.put("aged.test A", q -> reply(Replies.answer(q, a("aged.test", 30, "192.0.2.25"))));
    NetDb db = open(builder().cache(true));
    assertThat(db.gethostbyname("aged.test")).isEqualTo("192.0.2.25"); // fills the DNS cache only
    step(20);
    assertThat(db.resolve("aged.test", AddressFamily.INET).ttl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(queries()).isEqualTo(1);
  }

  @Test
  void aKeptFailureIsANewExceptionForEachCaller() {
    NetDb db = open(builder());
    GaiException first = catchGai(db);
    GaiException second = catchGai(db);
    assertThat(queries()).as("the second from the cache").isEqualTo(1);
    assertThat(second).isNotSameAs(first);
    assertThat(second.pythonStr()).isEqualTo(first.pythonStr());
  }

  static GaiException catchGai(NetDb db) {
    try {
      db.getaddrinfo("gone.test", null, 2, 1, 0, 0);
    } catch (GaiException e) {
      return e;
    }
    throw new AssertionError("no gaierror");
  }

  @Test
  void theOsBackEndKnowsNoTtlAndAnswersOnTheCallersThread() throws Exception {
    // A numeric host: glibc makes no lookup for it.
    ResolvedAddresses r = NetDb.os().resolve("192.0.2.7", AddressFamily.INET);
    assertThat(r.addresses()).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.7");
    assertThat(r.ttl()).isZero();
  }

  @Test
  void theKeyHoldsEveryArgumentSoCachedAnswersEqualUncachedOnes() {
    zone.put("k.test A", q -> reply(Replies.answer(q, a("k.test", 300, "192.0.2.30"))));
    zone.put("k.test AAAA", q -> reply(Replies.answer(q, aaaa("k.test", 300, "2001:db8::30"))));
    NetDb cached = open(builder());
    NetDb plain = open(builder().answerCache(false));
    List<Object[]> calls = List.of(
        new Object[] {"k.test", null, 0, 0, 0, 0}, new Object[] {"k.test", "80", 0, 1, 0, 0},
        new Object[] {"k.test", "80", 0, 2, 0, 0}, new Object[] {"k.test", "http", 2, 0, 6, 0},
        new Object[] {"k.test", null, 10, 0, 0, 0}, new Object[] {"K.TEST", null, 0, 0, 0, 2},
        new Object[] {"k.test", null, 0, 0, 0, 2}, new Object[] {"k.test", null, 10, 0, 0, 0x18},
        new Object[] {"k.test", "nosuchservice", 0, 0, 0, 0}, new Object[] {"files.test", "22", 0, 0, 0, 0});
    for (int round = 0; round < 2; round++) {
      for (Object[] c : calls) {
        assertThat(result(cached, c)).as("round %d %s", round, java.util.Arrays.toString(c)).isEqualTo(result(plain, c));
      }
    }
  }

  static String result(NetDb db, Object[] c) {
    try {
      return db.getaddrinfo((String) c[0], (String) c[1], (int) c[2], (int) c[3], (int) c[4], (int) c[5]).toString();
    } catch (GaiException e) {
      return e.pythonStr();
    }
  }

  /** A stale-on-failure row: what the server does once the answer has expired, and what the caller sees. */
  record Stale(String label, Duration window, Function<DnsMessage, FakeDnsServer.Action> after, String seen) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Stale> staleRows() {
    Duration day = Duration.ofDays(1);
    return Stream.of(
        new Stale("SERVFAIL, stale on: the old answer", day, q -> reply(Replies.rcode(q, 2)), "[192.0.2.40]"),
        new Stale("REFUSED, stale on: the old answer", day, q -> reply(Replies.rcode(q, 5)), "[192.0.2.40]"),
        new Stale("timeout, stale on: the old answer", day, q -> new FakeDnsServer.Drop(), "[192.0.2.40]"),
        new Stale("NXDOMAIN, stale on: the new answer (RFC 8767 serves stale only on failure)", day,
            q -> reply(Replies.rcode(q, 3, soa(60, 60))), "EAI -2"),
        new Stale("SERVFAIL, stale off: EAI_AGAIN", Duration.ZERO, q -> reply(Replies.rcode(q, 2)), "EAI -3"),
        new Stale("SERVFAIL, window 5 s: EAI_AGAIN 11 s late", Duration.ofSeconds(5), q -> reply(Replies.rcode(q, 2)),
            "EAI -3"));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("staleRowsByFace")
  void staleOnFailure(Stale row, Face face) {
    zone.put("s.test A", q -> reply(Replies.answer(q, a("s.test", 10, "192.0.2.40"))));
    NetDb db = open(builder().staleOnFailure(row.window()).staleResponseTimeout(Duration.ZERO));
    assertThat(face.outcome(db, "s.test", 2)).isEqualTo("[192.0.2.40]");
    assertThat(face.outcome(db, "s.test", 2)).as("a hit").isEqualTo("[192.0.2.40]");
    zone.put("s.test A", row.after());
    step(21);
    assertThat(face.outcome(db, "s.test", 2)).isEqualTo(row.seen());
  }

  @Test
  void aStaleAnswerIsServedWithoutAskingForThirtySecondsThenUntilItsWindowEnds() throws Exception {
    zone.put("s.test A", q -> reply(Replies.answer(q, a("s.test", 10, "192.0.2.40"))));
    NetDb db = open(builder().staleOnFailure(Duration.ofHours(1)).staleResponseTimeout(Duration.ZERO));
    outcome(db, "s.test", 2);
    zone.put("s.test A", q -> reply(Replies.rcode(q, 2)));
    step(11);
    assertThat(outcome(db, "s.test", 2)).isEqualTo("[192.0.2.40]");
    assertThat(db.resolve("s.test", AddressFamily.INET).ttl()).as("a stale answer holds no time").isZero();
    long asked = queries();
    step(29);
    assertThat(outcome(db, "s.test", 2)).isEqualTo("[192.0.2.40]");
    assertThat(queries()).as("RFC 8767 failure recheck timer: not asked again").isEqualTo(asked);
    step(2);
    assertThat(outcome(db, "s.test", 2)).isEqualTo("[192.0.2.40]");
    assertThat(queries()).as("asked again after 30 s").isGreaterThan(asked);
    step(3600);
    assertThat(outcome(db, "s.test", 2)).as("past the window").isEqualTo("EAI -3");
  }

  @Test
  void aSlowRefreshAnswersStaleAfterTheClientResponseTimerAndLandsLater() throws Exception {
    zone.put("slow.test A", q -> reply(Replies.answer(q, a("slow.test", 10, "192.0.2.50"))));
    NetDb db = open(builder().staleOnFailure(Duration.ofDays(1)).staleResponseTimeout(Duration.ofMillis(100)));
    outcome(db, "slow.test", 2);
    zone.put("slow.test A", q -> new FakeDnsServer.Delayed(Duration.ofMillis(700),
        reply(Replies.answer(q, a("slow.test", 10, "192.0.2.51")))));
    step(11);
    long t0 = System.nanoTime();
    assertThat(outcome(db, "slow.test", 2)).isEqualTo("[192.0.2.50]");
    assertThat(System.nanoTime() - t0).as("answered before the refresh's 700 ms").isLessThan(650_000_000L);
    long deadline = System.nanoTime() + 5 * SECOND;
    while (!outcome(db, "slow.test", 2).equals("[192.0.2.51]") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(outcome(db, "slow.test", 2)).isEqualTo("[192.0.2.51]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aHitInTheLastTenthRefreshesInTheBackground(Face face) throws Exception {
    zone.put("hot.test A", q -> reply(Replies.answer(q, a("hot.test", 100, "192.0.2.60"))));
    NetDb db = open(builder().refreshAhead(true));
    face.outcome(db, "hot.test", 2);
    zone.put("hot.test A", q -> reply(Replies.answer(q, a("hot.test", 100, "192.0.2.61"))));
    step(85);
    assertThat(face.outcome(db, "hot.test", 2)).isEqualTo("[192.0.2.60]");
    assertThat(queries()).as("no refresh at 85 %").isEqualTo(1);
    step(6);
    assertThat(face.outcome(db, "hot.test", 2)).as("the hit returns the entry").isEqualTo("[192.0.2.60]");
    long deadline = System.nanoTime() + 5 * SECOND;
    while (!face.outcome(db, "hot.test", 2).equals("[192.0.2.61]") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(face.outcome(db, "hot.test", 2)).isEqualTo("[192.0.2.61]");
    assertThat(queries()).as("one refresh").isEqualTo(2);
    assertThat(db.resolve("hot.test", AddressFamily.INET).ttl()).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void identicalCallsInFlightShareOneLookup() {
    zone.put("many.test A", q -> new FakeDnsServer.Delayed(Duration.ofMillis(300),
        reply(Replies.answer(q, a("many.test", 60, "192.0.2.70")))));
    NetDb db = open(builder());
    List<CompletableFuture<List<AddrInfo>>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(db.getaddrinfoAsync("many.test", null, 2, 1, 0, 0));
    }
    calls.forEach(c -> assertThat(c.join()).extracting(AddrInfo::host).containsExactly("192.0.2.70"));
    assertThat(queries()).isEqualTo(1);
  }

  @Test
  void theBoundHoldsWithManyNames() {
    for (int i = 0; i < 40; i++) {
      String n = "n" + i + ".test";
      zone.put(n + " A", q -> reply(Replies.answer(q, a(n, 600, "192.0.2.80"))));
    }
    NetDb db = open(builder().cacheLimits(8, Duration.ZERO, Duration.ofDays(1)));
    for (int i = 0; i < 40; i++) {
      outcome(db, "n" + i + ".test", 2);
    }
    long asked = queries();
    // Eight at most are kept: asking all forty again asks at least thirty-two of them again.
    for (int i = 0; i < 40; i++) {
      outcome(db, "n" + i + ".test", 2);
    }
    assertThat(queries() - asked).isGreaterThanOrEqualTo(32);
  }

  @Test
  void offMeansEveryCallAsks() {
    zone.put("a.test A", q -> reply(Replies.answer(q, a("a.test", 300, "192.0.2.10"))));
    NetDb db = open(builder().answerCache(false));
    outcome(db, "a.test", 2);
    outcome(db, "a.test", 2);
    assertThat(queries()).isEqualTo(2);
  }

  /** A files row: the check interval, and how long after a change the next call sees it. */
  record FilesRow(String label, Duration interval, long seenAfter) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<FilesRow> filesRows() {
    return Stream.of(
        new FilesRow("default: every call, as glibc", null, 0),
        new FilesRow("interval 10 s: after the interval", Duration.ofSeconds(10), 10));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("filesRowsByFace")
  void aHostsFileChangeIsSeen(FilesRow row, Face face) throws Exception {
    NetDbBuilder b = builder();
    if (row.interval() != null) {
      b.fileCheckInterval(row.interval());
    }
    NetDb db = open(b);
    assertThat(face.outcome(db, "files.test", 0)).isEqualTo("[192.0.2.1]");
    assertThat(face.outcome(db, "files.test", 0)).as("a hit").isEqualTo("[192.0.2.1]");
    step(1);
    Files.writeString(hosts, "192.0.2.222 files.test\n");
    if (row.seenAfter() > 0) {
      assertThat(face.outcome(db, "files.test", 0)).as("within the interval").isEqualTo("[192.0.2.1]");
      step(row.seenAfter());
    }
    assertThat(face.outcome(db, "files.test", 0)).isEqualTo("[192.0.2.222]");
    assertThat(queries()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aResolvConfChangeIsSeenOnTheNextCall(Face face) throws Exception {
    zone.put("x.one.test A", q -> reply(Replies.answer(q, a("x.one.test", 600, "192.0.2.91"))));
    zone.put("x.two.test A", q -> reply(Replies.answer(q, a("x.two.test", 600, "192.0.2.92"))));
    Files.writeString(resolv, "search one.test\noptions timeout:1 attempts:1\n");
    NetDb db = open(builder());
    assertThat(face.outcome(db, "x", 2)).isEqualTo("[192.0.2.91]");
    step(1);
    Files.writeString(resolv, "search two.test\noptions timeout:1 attempts:1 ndots:1\n");
    assertThat(face.outcome(db, "x", 2)).isEqualTo("[192.0.2.92]");
  }

  @Test
  void theJavaFaceKeepsEachSpellingAndIdnaOutcome() throws Exception {
    String tooLong = "l" + "o".repeat(63) + ".test"; // a 64-byte label: IDNA refuses it, glibc does not
    Files.writeString(hosts, "192.0.2.2 xn--bcher-kva.test\n192.0.2.3 " + tooLong + "\n");
    NetDb db = open(builder().fileCheckInterval(Duration.ofSeconds(10)));
    for (int round = 0; round < 2; round++) {
      for (String spelling : List.of("bücher.test", "xn--bcher-kva.test", "BÜCHER.test")) {
        assertThat(db.lookup(spelling, AddressFamily.UNSPEC)).as(spelling)
            .extracting(InetAddress::getHostName).containsExactly(spelling);
      }
    }
    // A spelling cached by a call without IDNA (NetDb.addrinfo, as getent's ahosts) still fails
    // the Java face's IDNA step, with the message it gives uncached.
    String uncached = catchUnknownHost(() -> db.lookup(tooLong, AddressFamily.UNSPEC));
    assertThat(db.addrinfo(tooLong, null, 0, 1, 0, 0)).extracting(AddrInfo::host).containsExactly("192.0.2.3");
    assertThat(catchUnknownHost(() -> db.lookup(tooLong, AddressFamily.UNSPEC))).isEqualTo(uncached);
    assertThat(catchUnknownHost(() -> db.lookupPreferring(tooLong, AddressFamily.INET))).isEqualTo(uncached);
  }

  static String catchUnknownHost(java.util.concurrent.Callable<?> call) throws Exception {
    try {
      call.call();
    } catch (UnknownHostException e) {
      return e.getMessage();
    }
    throw new AssertionError("no UnknownHostException");
  }

  @Test
  void theOrderForEachFamilyFirstIsKeptWithTheEntry() throws Exception {
    zone.put("dual.test A", q -> reply(Replies.answer(q, a("dual.test", 300, "192.0.2.100"),
        a("dual.test", 300, "192.0.2.101"))));
    zone.put("dual.test AAAA", q -> reply(Replies.answer(q, aaaa("dual.test", 300, "2001:db8::100"),
        aaaa("dual.test", 300, "2001:db8::101"))));
    NetDb db = open(builder());
    List<InetAddress> glibc = db.lookup("dual.test", AddressFamily.UNSPEC);
    List<InetAddress> v4 = db.lookupPreferring("dual.test", AddressFamily.INET);
    List<InetAddress> v6 = db.lookupPreferring("dual.test", AddressFamily.INET6);
    assertThat(v4).isEqualTo(new ResolvedAddresses(glibc, Duration.ZERO).preferring(AddressFamily.INET).addresses());
    assertThat(v4).extracting(InetAddress::getHostAddress).startsWith("192.0.2.100", "192.0.2.101");
    assertThat(v6).extracting(InetAddress::getHostAddress).startsWith("2001:db8:0:0:0:0:0:100");
    assertThat(db.lookupPreferring("dual.test", AddressFamily.INET)).as("kept").isSameAs(v4);
    assertThat(db.lookupPreferring("dual.test", AddressFamily.INET6)).as("kept").isSameAs(v6);
    assertThat(db.lookup("dual.test", AddressFamily.UNSPEC)).as("kept").isSameAs(glibc);
    assertThat(queries()).isEqualTo(2);
  }
}
