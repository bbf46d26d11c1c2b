package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks the transport's lifecycle promises (issue 7): an unexpected RuntimeException on the I/O
 * thread fails only its own exchange; {@code close()} completes every pending exchange and stops
 * the selector and socket-pool threads within a second; a query submitted while the shutdown runs
 * completes promptly. Bounds are generous, the properties real. Every packet goes to loopback.
 */
class DnsTransportLifecycleTest {
  static final Duration PROMPT = Duration.ofSeconds(2);

  @Test
  void aRuntimeExceptionFailsOnlyItsExchange() throws Exception {
    // A config no builder makes (no nameserver at all) throws ArithmeticException inside the
    // exchange, on the I/O thread: a stand-in for any bug there. The first exchange gets it.
    ResolverConfig broken = new ResolverConfig(List.of(), List.of(), 1, Duration.ofSeconds(1), 2, false, false,
        false, false, false, false, false, List.of());
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    try (FakeDnsServer server = FakeDnsServer.start(HostileScenario::handle);
        DnsClient client = DnsClient.create(
            () -> first.getAndSet(false) ? broken : ResolverConfig.builder().nameserver(server.address()).build(),
            DnsCache.disabled())) {
      CompletableFuture<DnsOutcome> bad = client.exchange(DnsQuestion.in("good.hostile.test", DnsType.A));
      assertThat(bad.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(DnsOutcome.Timeout.class);
      DnsOutcome good = client.exchange(DnsQuestion.in("good.hostile.test", DnsType.A))
          .get(PROMPT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(good).isInstanceOf(DnsOutcome.Answer.class);
    }
  }

  @Test
  void closeCompletesPendingExchangesAndStopsThreadsWithinASecond() throws Exception {
    int before = dnsThreads();
    try (FakeDnsServer server = FakeDnsServer.start(r -> new FakeDnsServer.Drop())) {
      ResolverConfig cfg = ResolverConfig.builder().timeout(Duration.ofSeconds(30)).nameserver(server.address()).build();
      DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled());
      List<CompletableFuture<DnsOutcome>> pending = new ArrayList<>();
      for (int i = 0; i < 200; i++) pending.add(client.exchange(DnsQuestion.in("n" + i + ".good.hostile.test", DnsType.A)));
      waitUntil(() -> server.log().size() >= 1);
      assertThat(dnsThreads()).isEqualTo(before + 2);
      long t0 = System.nanoTime();
      client.close();
      long closeMs = (System.nanoTime() - t0) / 1_000_000;
      for (CompletableFuture<DnsOutcome> f : pending) {
        assertThat(f.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(DnsOutcome.Timeout.class);
      }
      assertThat(closeMs).as("close() returned after %d ms", closeMs).isLessThan(1000);
      assertThat(dnsThreads()).as("netdb-dns-* threads left").isEqualTo(before);
      // After close the client fails fast (DnsClient's lifecycle), without sending anything.
      CompletableFuture<DnsOutcome> after = client.exchange(DnsQuestion.in("late.good.hostile.test", DnsType.A));
      assertThat(after).failsWithin(PROMPT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOf(LookupFailure.class);
    }
  }

  @Test
  void queriesSubmittedWhileShutdownRunsComplete() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(r -> new FakeDnsServer.Drop())) {
      for (int round = 0; round < 20; round++) {
        ResolverConfig cfg = ResolverConfig.builder().timeout(Duration.ofSeconds(30)).nameserver(server.address()).build();
        DnsClient client = DnsClient.create(() -> cfg, DnsCache.disabled());
        List<CompletableFuture<DnsOutcome>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int tn = t;
          submitters.add(Thread.ofPlatform().start(() -> {
            try {
              go.await();
            } catch (InterruptedException e) {
              return;
            }
            for (int i = 0; i < 200; i++) {
              futures.add(client.exchange(DnsQuestion.in("r" + tn + "-" + i + ".good.hostile.test", DnsType.A)));
            }
          }));
        }
        go.countDown();
        client.close();
        for (Thread t : submitters) t.join(PROMPT.toMillis());
        for (CompletableFuture<DnsOutcome> f : List.copyOf(futures)) {
          // Each completes promptly: with an outcome if the transport took it, else closed.
          Object end = f.handle((v, e) -> v != null ? v : e.getCause() != null ? e.getCause() : e)
              .get(PROMPT.toMillis(), TimeUnit.MILLISECONDS);
          assertThat(end).isInstanceOfAny(DnsOutcome.class, LookupFailure.class);
        }
      }
    }
  }

  private static int dnsThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("netdb-dns-")).count();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + PROMPT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) Thread.sleep(10);
  }
}
