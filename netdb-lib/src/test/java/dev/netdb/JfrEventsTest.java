package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR events {@code dev.netdb.Lookup}, {@code dev.netdb.DnsQuery} and {@code
 * dev.netdb.CacheStatistics}, read back with a {@link RecordingStream} while the java back end
 * looks names up against NSD on loopback: each has the fields of issue 9 and no stack trace.
 */
@ExtendWith(NsdExtension.class)
class JfrEventsTest {
  @TempDir Path dir;
  private final NsdServer nsd;

  JfrEventsTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  @Test
  void lookupQueryAndCacheEventsCarryTheirFields() throws Exception {
    Files.writeString(dir.resolve("resolv.conf"), "options timeout:2 attempts:1\n");
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    List<RecordedEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch statistics = new CountDownLatch(1);
    // The stream delivers asynchronously: closing it as soon as the statistics arrive could drop
    // the NXDOMAIN query's event that was committed before, so wait for that one too.
    CountDownLatch lastQuery = new CountDownLatch(1);
    try (RecordingStream rs = new RecordingStream();
        NetDb db = NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
            .gaiConf(dir.resolve("gai.conf")).nameserver(nsd.ipv4())
            .interfaceAddress(InetAddress.ofLiteral("192.0.2.2"), 24, 2)
            // The events report the DNS cache; the answer cache in front would take the repeat.
            .answerCache(false).build()) {
      // The events are kept past their action: the stream must not reuse the objects (by default
      // it does, and a kept event then shows a later event's fields).
      rs.setReuse(false);
      rs.enable("dev.netdb.Lookup");
      rs.enable("dev.netdb.DnsQuery");
      rs.enable("dev.netdb.CacheStatistics").withPeriod(Duration.ofMillis(100));
      rs.onEvent(events::add);
      rs.onEvent("dev.netdb.CacheStatistics", e -> {
        if (e.getLong("hits") > 0) {
          statistics.countDown();
        }
      });
      rs.onEvent("dev.netdb.DnsQuery", e -> {
        if ("missing.example.test".equals(e.getString("name"))) {
          lastQuery.countDown();
        }
      });
      rs.startAsync();
      db.getaddrinfo("www.example.test", "80", 2, 1, 0, 0);
      db.getaddrinfo("www.example.test", "80", 2, 1, 0, 0); // from the cache
      db.getaddrinfoAsync("missing.example.test", null, 2, 1, 0, 0).handle((v, t) -> null).join();
      assertThat(statistics.await(20, TimeUnit.SECONDS)).as("a CacheStatistics event with hits").isTrue();
      assertThat(lastQuery.await(20, TimeUnit.SECONDS)).as("the NXDOMAIN query's event").isTrue();
    }
    List<RecordedEvent> queries = byName(events, "dev.netdb.DnsQuery");
    assertThat(queries).extracting(e -> e.getString("name") + " " + e.getString("type") + " " + e.getString("rcode"))
        .contains("www.example.test A NOERROR", "missing.example.test A NXDOMAIN");
    for (RecordedEvent q : queries) {
      assertThat(q.getString("server")).isEqualTo("127.0.0.1:" + nsd.port());
      assertThat(q.getString("transport")).isEqualTo("udp");
      assertThat(q.getInt("attempt")).isEqualTo(1);
      assertThat(q.getBoolean("truncated")).isFalse();
      assertThat(q.getDuration()).isPositive();
      assertThat(q.getStackTrace()).isNull();
    }
    List<RecordedEvent> lookups = byName(events, "dev.netdb.Lookup");
    assertThat(lookups).extracting(e -> e.getString("host") + " " + e.getBoolean("cached") + " " + e.getString("outcome"))
        .containsExactly("www.example.test false ok", "www.example.test true ok",
            "missing.example.test false [Errno -2] Name or service not known");
    for (RecordedEvent l : lookups) {
      assertThat(l.getString("function")).isEqualTo("getaddrinfo");
      assertThat(l.getString("backend")).isEqualTo("java");
      assertThat(l.getBoolean("stale")).isFalse();
      assertThat(l.getStackTrace()).isNull();
    }
    assertThat(lookups.getFirst().getString("addresses")).isEqualTo("192.0.2.110 192.0.2.111");
    RecordedEvent stats = byName(events, "dev.netdb.CacheStatistics").getLast();
    assertThat(stats.getLong("entries")).isGreaterThanOrEqualTo(2);
    assertThat(stats.getLong("hits")).isPositive();
    assertThat(stats.getLong("misses")).isPositive();
    assertThat(stats.getLong("negative")).isPositive();
    assertThat(stats.getLong("staleServed")).isZero();
  }

  private static List<RecordedEvent> byName(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }
}
