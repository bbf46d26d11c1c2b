package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.v4;
import static dev.netdb.dns.Fixtures.v6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.NetDbClosedException;
import dev.netdb.dns.FakeDnsServer.Action;
import dev.netdb.dns.FakeDnsServer.Delayed;
import dev.netdb.dns.FakeDnsServer.Drop;
import dev.netdb.dns.FakeDnsServer.Reply;
import dev.netdb.dns.FakeDnsServer.Request;
import dev.netdb.os.OsBackend;
import dev.netdb.testguard.ExpectsLoopbackRefusals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure-Java {@link NetDb}'s lifecycle and threads (issue 7 §2, §3): close stops what the
 * instance started and fails lookups in flight, later calls fail fast, callbacks never run on the
 * I/O thread and may block on the same instance. DNS comes from the in-process fake server on
 * loopback; names under {@code slow.} are answered after a pause (so a callback is attached before
 * the answer comes), names under {@code never.} are never answered.
 */
class NetDbLifecycleTest {
  private static final Duration PAUSE = Duration.ofMillis(200);

  @TempDir Path dir;
  private FakeDnsServer server;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = FakeDnsServer.start(NetDbLifecycleTest::answer);
    closing.add(server);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing.reversed()) c.close();
  }

  /** A for every name, AAAA too, PTR for every address; paused or dropped by the first label. */
  private static Action answer(Request r) {
    DnsQuestion q = r.query().questions().getFirst();
    String name = q.name().toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith("never.") || name.startsWith("9.9.0.0.") || name.equals("99.2.0.192.in-addr.arpa")) {
      return new Drop();
    }
    byte[] wire = switch (q.type()) {
      case DnsType.A -> Replies.answer(r.query(), new ResourceRecord.A(q.name(), 1, 300, v4("192.0.2.10")));
      case DnsType.AAAA -> Replies.answer(r.query(), new ResourceRecord.Aaaa(q.name(), 1, 300, v6("2001:db8::10")));
      case DnsType.PTR -> Replies.answer(r.query(), new ResourceRecord.Ptr(q.name(), 1, 300, "host.example.test"));
      default -> Replies.rcode(r.query(), DnsType.NXDOMAIN);
    };
    boolean slow = name.startsWith("slow.") || name.equals("10.2.0.192.in-addr.arpa")
        || name.startsWith("0.1.0.0.0");
    return slow ? new Delayed(PAUSE, new Reply(wire)) : new Reply(wire);
  }

  /** A builder on private files only, asking the fake server, with a long timeout and no cache. */
  private dev.netdb.NetDbBuilder builder() throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options attempts:1 timeout:30\n");
    return NetDb.builder()
        .hostsFile(hosts)
        .resolvConf(resolv)
        .hostConf(dir.resolve("none"))
        .gaiConf(dir.resolve("none"))
        .nameserver(server.address())
        .hostname("testhost")
        .interfaceAddress(InetAddress.ofLiteral("127.0.0.1"), 8, 1)
        .interfaceAddress(InetAddress.ofLiteral("::1"), 128, 1)
        .cache(false);
  }

  private NetDb open() throws Exception {
    NetDb db = builder().build();
    closing.add(db);
    return db;
  }

  /** Returns the live platform threads whose name starts with {@code netdb-}. */
  private static Set<Thread> netdbThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("netdb-"))
        .collect(Collectors.toSet());
  }

  /** Waits (boundedly) until no {@code netdb-} thread is alive beyond {@code before}. */
  private static Set<Thread> leftBehind(Set<Thread> before, Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (true) {
      Set<Thread> now = netdbThreads();
      now.removeAll(before);
      if (now.isEmpty() || System.nanoTime() - end > 0) return now;
      Thread.sleep(20);
    }
  }

  private void awaitQueries(int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.log().size() < count && System.nanoTime() - end < 0) Thread.sleep(5);
    assertThat(server.log()).hasSizeGreaterThanOrEqualTo(count);
  }

  private static <T> T within(CompletableFuture<T> f, Duration d) throws Exception {
    return f.get(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static List<String> hosts(List<AddrInfo> list) {
    return list.stream().map(AddrInfo::host).distinct().toList();
  }

  // ---- every async method, on a name that needs DNS ----

  /** One asynchronous call of the public API, named as a table row. */
  record Call(String name, Function<NetDb, CompletableFuture<?>> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Each {@code *Async} method on a name whose answer comes after a pause. */
  static Stream<Call> slowCalls() {
    return Stream.of(
        new Call("getaddrinfoAsync", db -> db.getaddrinfoAsync("slow.example.test", "http", 0, 1, 0, 0)),
        new Call("gethostbynameAsync", db -> db.gethostbynameAsync("slow.example.test")),
        new Call("gethostbynameExAsync", db -> db.gethostbynameExAsync("slow.example.test")),
        new Call("gethostbyaddrAsync", db -> db.gethostbyaddrAsync("192.0.2.10")),
        new Call("getfqdnAsync", db -> db.getfqdnAsync("slow.example.test")),
        new Call("getnameinfoAsync", db -> db.getnameinfoAsync("2001:db8::10", 80, 0, 0, 0)));
  }

  /** Each {@code *Async} method on a name that is never answered. */
  static Stream<Call> neverAnswered() {
    return Stream.of(
        new Call("getaddrinfoAsync", db -> db.getaddrinfoAsync("never.example.test", "http", 0, 1, 0, 0)),
        new Call("gethostbynameAsync", db -> db.gethostbynameAsync("never.example.test")),
        new Call("gethostbynameExAsync", db -> db.gethostbynameExAsync("never.example.test")),
        new Call("gethostbyaddrAsync", db -> db.gethostbyaddrAsync("192.0.2.99")),
        new Call("getfqdnAsync", db -> db.getfqdnAsync("never.example.test")),
        new Call("getnameinfoAsync", db -> db.getnameinfoAsync("2001:db8::99", 80, 0, 0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowCalls")
  void callbacksRunOnTheExecutorNeverOnTheIoThread(Call call) throws Exception {
    NetDb db = open();
    AtomicReference<String> thread = new AtomicReference<>();
    CompletableFuture<?> f = call.call().apply(db);
    assertThat(f).as("attached before the answer").isNotDone();
    within(f.thenApply(x -> {
      thread.set(Thread.currentThread().getName());
      return x;
    }), Duration.ofSeconds(10));
    assertThat(thread.get()).isNotEqualTo("netdb-dns-io").isEqualTo("netdb-callback");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowCalls")
  void callbacksRunOnTheBuildersExecutor(Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("custom-", 0).factory());
    closing.add(pool::shutdownNow);
    NetDb db = builder().executor(pool).build();
    closing.add(db);
    AtomicReference<String> thread = new AtomicReference<>();
    within(call.call().apply(db).thenRun(() -> thread.set(Thread.currentThread().getName())),
        Duration.ofSeconds(10));
    assertThat(thread.get()).startsWith("custom-");
  }

  @ParameterizedTest(name = "{0} then a blocking gethostbyname")
  @MethodSource("slowCalls")
  void aBlockingLookupInsideACallbackReturns(Call call) throws Exception {
    NetDb db = open();
    CompletableFuture<String> f = call.call().apply(db).thenApply(x -> db.gethostbyname("b.example.test"));
    assertThat(within(f, Duration.ofSeconds(10))).isEqualTo("192.0.2.10");
  }

  @Test
  void blockingGetaddrinfoInsideGetaddrinfoAsyncReturns() throws Exception {
    NetDb db = open();
    CompletableFuture<List<AddrInfo>> f = db.getaddrinfoAsync("slow.example.test", "http", 0, 1, 0, 0)
        .thenApply(x -> db.getaddrinfo("b.example.test", "http", 0, 1, 0, 0));
    assertThat(hosts(within(f, Duration.ofSeconds(10)))).containsExactlyInAnyOrder("192.0.2.10", "2001:db8::10");
  }

  @Test
  void manyBlockingCallbacksAtOnceAllReturn() throws Exception {
    NetDb db = open();
    List<CompletableFuture<String>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String inner = "n" + i + ".example.test";
      all.add(db.gethostbynameAsync("slow" + i + ".example.test")
          .thenApply(x -> db.gethostbynameEx(inner).name() + " " + db.getfqdn(inner)));
    }
    for (int i = 0; i < all.size(); i++) {
      assertThat(within(all.get(i), Duration.ofSeconds(20))).isEqualTo("n" + i + ".example.test host.example.test");
    }
  }

  // ---- close ----

  @Test
  void fiftyInstancesBuiltUsedAndClosedLeaveNoThreadBehind() throws Exception {
    Set<Thread> before = netdbThreads();
    for (int i = 0; i < 50; i++) {
      try (NetDb db = builder().build()) {
        assertThat(db.gethostbyname("host" + i + ".example.test")).isEqualTo("192.0.2.10");
        if (i == 0) {
          Set<Thread> started = netdbThreads();
          started.removeAll(before);
          assertThat(started).as("the DNS client's threads, while open")
              .extracting(Thread::getName).contains("netdb-dns-io", "netdb-dns-sockets");
        }
      }
    }
    assertThat(server.log()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(leftBehind(before, Duration.ofSeconds(5))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("neverAnswered")
  void closeFailsALookupInFlightWithinTwoSeconds(Call call) throws Exception {
    Set<Thread> before = netdbThreads();
    NetDb db = open();
    CompletableFuture<?> f = call.call().apply(db);
    CompletableFuture<Object> blocking = new CompletableFuture<>();
    Thread.ofPlatform().start(() -> {
      try {
        blocking.complete(db.gethostbyname("never.b.example.test"));
      } catch (Throwable t) {
        blocking.completeExceptionally(t);
      }
    });
    awaitQueries(2); // both are on the wire (different questions, so not merged) and will never be answered (the timeout is 30 s)
    assertThat(f).isNotDone();
    db.close();
    for (CompletableFuture<?> x : List.of(f, blocking)) {
      assertThatThrownBy(() -> within(x, Duration.ofSeconds(2)))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(NetDbClosedException.class).hasMessage("NetDb is closed");
    }
    assertThat(leftBehind(before, Duration.ofSeconds(1))).as("threads a second after close").isEmpty();
  }

  /** Every method of the public API, blocking and asynchronous, as one call each. */
  static Stream<Arguments> everyCall() {
    List<Arguments> rows = new ArrayList<>();
    rows.add(Arguments.of("gethostname", (Function<NetDb, Object>) NetDb::gethostname));
    rows.add(Arguments.of("gethostbyname numeric", (Function<NetDb, Object>) db -> db.gethostbyname("127.0.0.1")));
    rows.add(Arguments.of("gethostbyname", (Function<NetDb, Object>) db -> db.gethostbyname("a.example.test")));
    rows.add(Arguments.of("gethostbynameEx", (Function<NetDb, Object>) db -> db.gethostbynameEx("localhost")));
    rows.add(Arguments.of("gethostbyaddr", (Function<NetDb, Object>) db -> db.gethostbyaddr("127.0.0.1")));
    rows.add(Arguments.of("getfqdn", (Function<NetDb, Object>) db -> db.getfqdn("a.example.test")));
    rows.add(Arguments.of("getservbyname", (Function<NetDb, Object>) db -> db.getservbyname("http")));
    rows.add(Arguments.of("getservbyport", (Function<NetDb, Object>) db -> db.getservbyport(80)));
    rows.add(Arguments.of("getprotobyname", (Function<NetDb, Object>) db -> db.getprotobyname("tcp")));
    rows.add(Arguments.of("getaddrinfo", (Function<NetDb, Object>) db -> db.getaddrinfo("127.0.0.1", "80")));
    rows.add(Arguments.of("getnameinfo", (Function<NetDb, Object>) db -> db.getnameinfo("127.0.0.1", 80, 0)));
    rows.add(Arguments.of("services", (Function<NetDb, Object>) NetDb::services));
    rows.add(Arguments.of("protocols", (Function<NetDb, Object>) NetDb::protocols));
    rows.add(Arguments.of("serviceByName", (Function<NetDb, Object>) db -> db.serviceByName("http", null)));
    rows.add(Arguments.of("protocolByNumber", (Function<NetDb, Object>) db -> db.protocolByNumber(6)));
    rows.add(Arguments.of("hostByName", (Function<NetDb, Object>) db -> db.hostByName("a.example.test", dev.netdb.AddressFamily.INET)));
    rows.add(Arguments.of("hostByAddress", (Function<NetDb, Object>) db -> db.hostByAddress(new byte[] {127, 0, 0, 1})));
    rows.add(Arguments.of("addrinfo", (Function<NetDb, Object>) db -> db.addrinfo("a.example.test", null, 0, 0, 0, 0)));
    rows.add(Arguments.of("getaddrinfoAsync", (Function<NetDb, Object>) db -> db.getaddrinfoAsync("127.0.0.1", "80", 0, 0, 0, 0)));
    rows.add(Arguments.of("gethostbynameAsync", (Function<NetDb, Object>) db -> db.gethostbynameAsync("127.0.0.1")));
    rows.add(Arguments.of("gethostbynameExAsync", (Function<NetDb, Object>) db -> db.gethostbynameExAsync("a.example.test")));
    rows.add(Arguments.of("gethostbyaddrAsync", (Function<NetDb, Object>) db -> db.gethostbyaddrAsync("127.0.0.1")));
    rows.add(Arguments.of("getfqdnAsync", (Function<NetDb, Object>) db -> db.getfqdnAsync("")));
    rows.add(Arguments.of("getnameinfoAsync", (Function<NetDb, Object>) db -> db.getnameinfoAsync("127.0.0.1", 80, 0, 0, 0)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void everyCallAfterCloseFailsFastWithoutTouchingTheNetwork(String name, Function<NetDb, Object> call)
      throws Exception {
    NetDb db = open();
    assertThat(db.gethostbyname("first.example.test")).isEqualTo("192.0.2.10"); // the client exists
    int sent = server.log().size();
    db.close();
    Object result;
    try {
      result = call.apply(db);
    } catch (NetDbClosedException e) {
      result = null;
    }
    if (result instanceof CompletableFuture<?> f) {
      assertThat(f).isCompletedExceptionally();
      assertThatThrownBy(f::join).cause().isInstanceOf(NetDbClosedException.class);
    } else {
      assertThat(result).as("threw NetDbClosedException").isNull();
    }
    assertThat(server.log()).hasSize(sent);
  }

  @Test
  void closeBeforeFirstUseStartsNothingAndClosingTwiceIsHarmless() throws Exception {
    Set<Thread> before = netdbThreads();
    NetDb db = builder().build();
    db.close();
    db.close();
    assertThat(leftBehind(before, Duration.ZERO)).isEmpty();
    assertThatThrownBy(() -> db.gethostbyname("a.example.test")).isInstanceOf(NetDbClosedException.class);
    assertThat(leftBehind(before, Duration.ZERO)).as("no DNS client created after close").isEmpty();
    assertThat(server.log()).isEmpty();
  }

  @Test
  void closingTwiceAfterUseIsHarmless() throws Exception {
    NetDb db = open();
    assertThat(db.gethostbyname("a.example.test")).isEqualTo("192.0.2.10");
    db.close();
    db.close();
    assertThatThrownBy(() -> db.getservbyname("http")).isInstanceOf(NetDbClosedException.class);
  }

  @Test
  void sharedAndOsInstancesIgnoreClose() {
    NetDb shared = NetDb.java();
    shared.close();
    assertThat(NetDb.java()).isSameAs(shared);
    assertThat(shared.getprotobyname("tcp")).isEqualTo(6);
    NetDb system = NetDb.system();
    system.close();
    assertThat(system.getprotobyname("tcp")).isEqualTo(6);
    assumeTrue(OsBackend.isAvailable(), "no OS back end here");
    NetDb os = NetDb.os();
    os.close();
    assertThat(os.getprotobyname("tcp")).isEqualTo(6);
    assertThat(os.gethostbyname("127.0.0.1")).isEqualTo("127.0.0.1");
  }

  // ---- the test-run guard: nothing but loopback (issue 7 §6) ----

  @Test
  void theBuildSwitchesTheLoopbackGuardOn() {
    assertThat(LoopbackOnly.enabled()).as("surefire sets -D" + LoopbackOnly.PROPERTY + "=true").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ExpectsLoopbackRefusals
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      127.0.0.1   | true
      127.53.0.9  | true
      ::1         | true
      192.0.2.1   | false
      10.0.0.53   | false
      2001:db8::1 | false
      ::          | false
      """)
  void theGuardLetsOnlyLoopbackThrough(String address, boolean allowed) {
    InetSocketAddress dest = new InetSocketAddress(InetAddress.ofLiteral(address), 53);
    if (allowed) {
      LoopbackOnly.check(dest);
    } else {
      assertThatThrownBy(() -> LoopbackOnly.check(dest))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(LoopbackOnly.describe(dest)).hasMessageContaining("not loopback");
    }
  }

  @Test
  @ExpectsLoopbackRefusals
  void aNonLoopbackNameserverFailsTheLookupLoudlyAndSendsNothing() throws Exception {
    Path resolv = Files.writeString(dir.resolve("leaky.conf"), "nameserver 192.0.2.53\noptions attempts:1 timeout:1\n");
    try (NetDb db = NetDb.builder().hostsFile(dir.resolve("none")).resolvConf(resolv).build()) {
      assertThatThrownBy(() -> db.gethostbyname("leak.example.test"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("192.0.2.53");
      assertThatThrownBy(() -> db.getnameinfo("192.0.2.7", 80, 0))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("192.0.2.53");
      assertThatThrownBy(() -> db.getfqdnAsync("leak.example.test").join())
          .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("192.0.2.53");
    }
    NetDb viaBuilder = NetDb.builder().hostsFile(dir.resolve("none")).resolvConf(resolv)
        .nameserver(new InetSocketAddress(InetAddress.ofLiteral("2001:db8::53"), 53)).build();
    closing.add(viaBuilder);
    assertThatThrownBy(() -> viaBuilder.getaddrinfo("leak.example.test", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2001:db8::53");
  }
}
