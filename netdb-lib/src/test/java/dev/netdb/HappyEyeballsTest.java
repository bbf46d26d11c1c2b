package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Happy Eyeballs (RFC 8305) and Python's one-by-one order with real sockets on loopback: the name
 * {@code dual.test} leads to exactly ::1 and 127.0.0.1 on one port, and each family's endpoint is
 * accepting, silent (full accept queue) or closed (RST) as the case needs. The answers come from
 * {@link #answering}, a {@code NetDb} whose {@code getaddrinfoAsync} gives those two addresses
 * (a hosts file cannot: glibc's files back end also maps {@code ::1} to 127.0.0.1 for AF_INET).
 * Bounds on time are generous and only check that a delay was respected or that nothing waited
 * for a timeout.
 */
class HappyEyeballsTest {
  private static final NetDb db = answering(0);

  private static ConnectOptions he(Duration delay, List<ConnectAttempt> log) {
    return ConnectOptions.rfc8305().withHappyEyeballs(
        HappyEyeballsOptions.defaults().withAttemptDelay(delay)).withOnAttempt(log::add);
  }

  private static boolean isV6(SocketAddress a) {
    return ((InetSocketAddress) a).getAddress().getAddress().length == 16;
  }

  @Test
  void ipv4WinsAfterTheAttemptDelayWhenIpv6IsSilent() throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("::1").accepting("127.0.0.1")) {
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      try (SocketChannel ch = db.createConnection("dual.test", "" + s.port(),
          he(Duration.ofMillis(250), log))) {
        assertThat(isV6(ch.getRemoteAddress())).isFalse();
        assertThat(ch.isBlocking()).isTrue();
      }
      assertThat(log).extracting(ConnectAttempt::outcome).containsExactlyInAnyOrder(
          ConnectAttempt.Outcome.CANCELLED, ConnectAttempt.Outcome.CONNECTED);
      ConnectAttempt v4 = log.stream().filter(a -> !isV6(a.address())).findFirst().orElseThrow();
      ConnectAttempt v6 = log.stream().filter(a -> isV6(a.address())).findFirst().orElseThrow();
      assertThat(v6.start()).isLessThan(v4.start()); // RFC 8305 §4: IPv6 first
      assertThat(v4.start().minus(v6.start())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(v4.start()).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void pythonOrderWaitsForTheTimeoutBeforeTryingIpv4() throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("::1").accepting("127.0.0.1")) {
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      ConnectOptions o = ConnectOptions.python().withTimeout(Duration.ofMillis(400))
          .withOnAttempt(log::add);
      try (SocketChannel ch = db.createConnection("dual.test", "" + s.port(), o)) {
        assertThat(isV6(ch.getRemoteAddress())).isFalse();
      }
      assertThat(log).hasSize(2);
      assertThat(log.get(0).error()).isNotNull()
          .extracting(NetDbException::pythonStr).isEqualTo("timed out");
      assertThat(log.get(1).start()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
  }

  @ParameterizedTest(name = "allErrors={0}")
  @CsvSource({
    "false, timed out, ",
    "true, create_connection failed (2 sub-exceptions), 2",
  })
  void bothFamiliesFailing(boolean allErrors, String str, Integer groupSize) throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("::1").silent("127.0.0.1")) {
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      ConnectOptions o = he(Duration.ofMillis(100), log).withTimeout(Duration.ofMillis(300))
          .withAllErrors(allErrors);
      assertThatThrownBy(() -> db.createConnection("dual.test", "" + s.port(), o))
          .isInstanceOfSatisfying(NetDbException.class, e -> {
            assertThat(e.pythonStr()).isEqualTo(str);
            if (groupSize != null) {
              assertThat(((ExceptionGroupException) e).exceptions()).hasSize(groupSize)
                  .allSatisfy(x -> assertThat(((SystemException) x).pythonClass())
                      .isEqualTo("TimeoutError"));
            }
          });
      assertThat(log).hasSize(2).allMatch(a -> a.outcome() == ConnectAttempt.Outcome.FAILED);
    }
  }

  @Test
  void aResetStartsTheNextAttemptAtOnceAndErrorsAreListed() throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("127.0.0.1")) { // ::1 closed: RST
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      ConnectOptions o = he(Duration.ofSeconds(2), log).withTimeout(Duration.ofMillis(400));
      assertThatThrownBy(() -> db.createConnection("dual.test", "" + s.port(), o))
          .isInstanceOfSatisfying(SystemException.class, e -> assertThat(e.pythonStr())
              .isEqualTo("Multiple exceptions: [Errno 111] Connection refused, timed out"));
      assertThat(log).hasSize(2);
      assertThat(((SystemException) log.get(0).error()).pythonClass())
          .isEqualTo("ConnectionRefusedError");
      // RFC 8305 §5: a failed attempt starts the next one at once, not after the 2 s delay
      assertThat(log.get(1).start()).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void cancellingTheFutureClosesEveryAttempt() throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("::1").silent("127.0.0.1")) {
      warmUp();
      long before = openDescriptors();
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      CompletableFuture<SocketChannel> f = db.createConnectionAsync("dual.test", "" + s.port(),
          he(Duration.ofMillis(100), log));
      Thread.sleep(400); // both attempts are running now
      assertThat(f.cancel(true)).isTrue();
      assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
      awaitTrue(() -> log.size() == 2);
      assertThat(log).allMatch(a -> a.outcome() == ConnectAttempt.Outcome.CANCELLED);
      awaitTrue(() -> openDescriptors() <= before);
    }
  }

  @Test
  void callbacksNeverRunOnTheConnectThread() throws Exception {
    try (var s = LoopbackServers.onFreePort().accepting("::1")) {
      List<String> threads = new CopyOnWriteArrayList<>();
      ConnectOptions o = ConnectOptions.rfc8305()
          .withOnAttempt(a -> threads.add(Thread.currentThread().getName()));
      SocketChannel ch = db.createConnectionAsync("dual.test", "" + s.port(), o)
          .thenApply(c -> {
            threads.add(Thread.currentThread().getName());
            return c;
          }).get(5, TimeUnit.SECONDS);
      ch.close();
      assertThat(threads).hasSize(2).noneMatch(n -> n.equals("netdb-connect"));
    }
  }

  @Test
  void aLateAaaaAnswerStillGoesFirstWithinTheResolutionDelay() throws Exception {
    try (var s = LoopbackServers.onFreePort().accepting("::1").accepting("127.0.0.1")) {
      // AAAA 20 ms after A: within RFC 8305 §3's 50 ms, so IPv6 is tried (and wins) first
      try (SocketChannel ch = answering(20).createConnection("dual.test", "" + s.port(),
          ConnectOptions.rfc8305())) {
        assertThat(isV6(ch.getRemoteAddress())).isTrue();
      }
      // AAAA 1 s late: attempts begin with A after the resolution delay
      List<ConnectAttempt> log = new CopyOnWriteArrayList<>();
      try (SocketChannel ch = answering(1000).createConnection("dual.test", "" + s.port(),
          ConnectOptions.rfc8305().withOnAttempt(log::add))) {
        assertThat(isV6(ch.getRemoteAddress())).isFalse();
      }
      assertThat(log.getFirst().start()).isGreaterThanOrEqualTo(Duration.ofMillis(50))
          .isLessThan(Duration.ofMillis(900));
    }
  }

  @Test
  void theDualStackServerAcceptsBothFamilies() throws Exception {
    NetDb db = NetDb.java(); // numeric addresses only
    try (var server = db.createServer("", 0, ServerOptions.python()
        .withFamily(AddressFamily.INET6).withDualstackIpv6(true))) {
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      for (String host : List.of("127.0.0.1", "::1")) {
        try (SocketChannel ch = db.createConnection(host, port);
            SocketChannel accepted = server.accept()) {
          // the JDK shows an IPv4 peer of an IPv6 socket (::ffff:127.0.0.1) as 127.0.0.1
          assertThat(ConnectOracle.host(accepted.getRemoteAddress())).isEqualTo(host);
          assertThat(ch.isConnected()).isTrue();
        }
      }
    }
  }

  @Test
  void aFailedLookupIsPythonsGaierror() {
    assertThatThrownBy(() -> db.connect("no-such-name.invalid", 80))
        .isInstanceOf(GaiException.class);
    assertThatThrownBy(() -> db.createConnection("no-such-name.invalid", 80))
        .isInstanceOf(GaiException.class);
  }

  /** A thousand raced connects, some cancelled at once, leave no descriptor behind. */
  @Test
  void noDescriptorLeaksAfterAThousandRacedConnects() throws Exception {
    try (var s = LoopbackServers.onFreePort().silent("::1").accepting("127.0.0.1")) {
      warmUp();
      long before = openDescriptors();
      ConnectOptions o = ConnectOptions.rfc8305()
          .withHappyEyeballs(HappyEyeballsOptions.defaults().withAttemptDelay(Duration.ZERO));
      int connected = 0;
      for (int round = 0; round < 10; round++) {
        List<CompletableFuture<SocketChannel>> fs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          var f = db.createConnectionAsync("dual.test", "" + s.port(), o);
          if (i % 10 == 0) {
            f.cancel(true);
          }
          fs.add(f);
        }
        for (var f : fs) {
          try {
            f.get(30, TimeUnit.SECONDS).close();
            connected++;
          } catch (CancellationException e) {
            // cancelled on purpose
          }
        }
      }
      assertThat(connected).isEqualTo(900);
      awaitTrue(() -> openDescriptors() <= before);
    }
  }

  /**
   * Returns a {@code NetDb} whose {@code getaddrinfoAsync} answers {@code dual.test} with ::1
   * (AF_INET6, {@code aaaaMillis} late), 127.0.0.1 (AF_INET) or both in that order (AF_UNSPEC), and
   * {@code EAI_NONAME} for other names; everything else is the pure-Java back end's.
   */
  static NetDb answering(long aaaaMillis) {
    NetDb real = NetDb.java();
    Executor late = CompletableFuture.delayedExecutor(aaaaMillis, TimeUnit.MILLISECONDS);
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().equals("getaddrinfoAsync") && args.length == 6) {
        int family = (int) args[2];
        if (!"dual.test".equals(args[0])) {
          return CompletableFuture.failedFuture(
              new GaiException(-2, "Name or service not known", (String) args[0]));
        }
        int port = Integer.parseInt((String) args[1]);
        AddrInfo v6 = new AddrInfo(10, 1, 6, "", "::1", port, 0, 0);
        AddrInfo v4 = new AddrInfo(2, 1, 6, "", "127.0.0.1", port, 0, 0);
        return switch (family) {
          case 10 -> CompletableFuture.supplyAsync(() -> List.of(v6), late);
          case 2 -> CompletableFuture.completedFuture(List.of(v4));
          default -> CompletableFuture.completedFuture(List.of(v6, v4));
        };
      }
      if (m.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, m, args);
      }
      return m.invoke(real, args);
    };
    return (NetDb) Proxy.newProxyInstance(NetDb.class.getClassLoader(),
        new Class<?>[] {NetDb.class}, h);
  }

  /** Runs one connect, so that what the JVM opens once (the loop's selector) exists already. */
  private static void warmUp() throws Exception {
    try (var s = LoopbackServers.onFreePort().accepting("::1")) {
      db.connect("dual.test", s.port()).close();
    }
  }

  static long openDescriptors() {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
