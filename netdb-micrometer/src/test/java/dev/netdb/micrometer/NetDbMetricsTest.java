package dev.netdb.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The binder's meters move as the java back end looks names up against NSD on loopback. */
@ExtendWith(NsdExtension.class)
class NetDbMetricsTest {
  @TempDir Path dir;
  private final NsdServer nsd;

  NetDbMetricsTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  @Test
  void metersMoveWhenLookupsRun() throws IOException {
    Files.writeString(dir.resolve("resolv.conf"), "options timeout:2 attempts:1\n");
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (NetDb db = NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
        .gaiConf(dir.resolve("gai.conf")).nameserver(nsd.ipv4()).build()) {
      new NetDbMetrics(db, Tags.of("instance", "test")).bindTo(registry);
      assertThat(registry.get("netdb.dns.queries").tag("instance", "test").functionCounter().count()).isZero();
      assertThat(registry.get("netdb.cache.hit.ratio").gauge().value()).isZero();

      db.getaddrinfo("www.example.test", null, 2, 1, 0, 0);
      db.getaddrinfo("www.example.test", null, 2, 1, 0, 0);
      assertThat(registry.get("netdb.dns.queries").functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("netdb.dns.timeouts").functionCounter().count()).isZero();
      assertThat(registry.get("netdb.cache.hits").functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("netdb.cache.misses").functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("netdb.cache.entries").gauge().value()).isEqualTo(1);
      assertThat(registry.get("netdb.cache.hit.ratio").gauge().value()).isEqualTo(0.5);

      String server = "127.0.0.1:" + nsd.port();
      assertThat(registry.get("netdb.dns.server.queries").tag("server", server).functionCounter().count())
          .isEqualTo(1);
      assertThat(registry.get("netdb.dns.server.rtt.mean").tag("server", server).timeGauge()
          .value(TimeUnit.MICROSECONDS)).isPositive();

      db.getaddrinfo("web.example.test", null, 2, 1, 0, 0);
      assertThat(registry.get("netdb.dns.queries").functionCounter().count()).isEqualTo(2);
      assertThat(registry.get("netdb.dns.server.queries").tag("server", server).functionCounter().count())
          .isEqualTo(2);

      // NXDOMAIN with the zone's SOA: kept as a negative entry (RFC 2308). No server fails here,
      // so nothing is served stale (dns.AnswerCacheObservedTest makes the count move).
      assertThat(registry.get("netdb.cache.negative.entries").gauge().value()).isZero();
      try {
        db.getaddrinfo("missing.example.test", null, 2, 1, 0, 0);
      } catch (dev.netdb.GaiException expected) {
        // EAI_NONAME
      }
      assertThat(registry.get("netdb.cache.negative.entries").gauge().value()).isEqualTo(1);
      assertThat(registry.get("netdb.cache.entries").gauge().value()).isEqualTo(3);
      assertThat(registry.get("netdb.cache.stale.served").functionCounter().count())
          .isEqualTo(db.stats().cacheStaleServed()).isZero();
    }
  }
}
