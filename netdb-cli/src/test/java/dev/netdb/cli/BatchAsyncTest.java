package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch on the java back end goes through NetDb's {@code *Async} methods only, keeps at most
 * {@link Batch#WINDOW} calls in flight, and writes results in input order although later calls
 * finish first. The back end here is {@link FakeNetDb} behind a proxy whose blocking lookups fail
 * the test and whose asynchronous ones complete late, the earliest calls last.
 */
class BatchAsyncTest {
  private static final Set<String> BLOCKING = Set.of("gethostbyname", "gethostbynameEx",
      "gethostbyaddr", "getfqdn", "getaddrinfo", "getnameinfo");

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("gethostbyname", "[\"vm\"]", "[\"nosuch\"]"),
        Arguments.of("gethostbyname_ex", "[\"vm\"]", "[\"nosuch\"]"),
        Arguments.of("gethostbyaddr", "[\"127.0.0.1\"]", "[\"10.0.0.1\"]"),
        Arguments.of("getfqdn", "[\"vm\"]", "[\" spaced \"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void callsGoThroughAsyncMethodsInAWindowAndComeOutInInputOrder(
      String command, String found, String missing) {
    StringBuilder in = new StringBuilder();
    int calls = Batch.WINDOW + 100;
    for (int i = 0; i < calls; i++) {
      in.append(i % 3 == 2 ? missing : found).append('\n');
    }
    in.append("[1, 2, 3]\nnot json\n");
    NetDb slow = asyncOnly(new FakeNetDb(), calls);
    var batch = CliRunner.run(slow, in.toString(), "--backend", "java", "--json", command, "-");
    // The same lines one at a time on the plain fake (no --backend java: not concurrent).
    var sequential = CliRunner.run(new FakeNetDb(), in.toString(), "--json", command, "-");

    assertThat(batch.out()).isEqualTo(sequential.out());
    assertThat(batch.status()).isEqualTo(sequential.status());
    assertThat(started.get()).isEqualTo(calls);
    assertThat(maxInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(Batch.WINDOW);
    // The proxy calls itself "java", so the summary line is written; the plain fake's run has none.
    assertThat(batch.err()).matches("netdb: batch calls=" + (calls + 2)
        + " answered=\\d+ nxdomain=\\d+ nodata=0 again=0 other=\\d+ malformed=1"
        + " elapsed=\\d+\\.\\d{3}s rate=\\d+/s\n");
    assertThat(sequential.err()).isEmpty();
  }

  /**
   * Returns {@code fake} behind a proxy: the blocking lookups throw, each {@code *Async} lookup
   * runs the fake's blocking method and completes on a timer thread, call {@code i} after {@code
   * calls - i} milliseconds, so that later calls finish first.
   */
  private NetDb asyncOnly(NetDb fake, int calls) {
    InvocationHandler h = (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("backendName")) {
        return "java";
      }
      if (BLOCKING.contains(name)) {
        throw new AssertionError("the batch called the blocking " + name);
      }
      if (!name.endsWith("Async")) {
        return invoke(fake, method, args);
      }
      Method blocking = NetDb.class.getMethod(
          name.substring(0, name.length() - "Async".length()), method.getParameterTypes());
      int n = started.getAndIncrement();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      CompletableFuture<Object> f = new CompletableFuture<>();
      timer.schedule(() -> {
        inFlight.decrementAndGet();
        try {
          f.complete(invoke(fake, blocking, args));
        } catch (Throwable t) {
          f.completeExceptionally(t);
        }
      }, Math.max(0, calls - n), TimeUnit.MILLISECONDS);
      return f;
    };
    return (NetDb) Proxy.newProxyInstance(
        NetDb.class.getClassLoader(), new Class<?>[] {NetDb.class}, h);
  }

  private static Object invoke(NetDb target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
