package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats snapshot ({@link NetDb#stats()}) and the resolver's log records, with a first server
 * that never answers (a loopback socket that reads nothing) and NSD second: the snapshot counts
 * the timeout against the first server and the reply, with its round-trip time, against the
 * second, the cache's hits and misses; the skipped server is logged at DEBUG.
 */
@ExtendWith(NsdExtension.class)
class StatsAndLoggingTest {
  @TempDir Path dir;
  private final NsdServer nsd;
  private final Logger jul = Logger.getLogger("dev.netdb.dns");
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
  private Level saved;

  StatsAndLoggingTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  @BeforeEach
  void capture() {
    saved = jul.getLevel();
    jul.setLevel(Level.FINE);
    jul.addHandler(handler);
  }

  @AfterEach
  void release() {
    jul.removeHandler(handler);
    jul.setLevel(saved);
  }

  @Test
  void countsPerServerAndLogsTheSkippedOne() throws IOException {
    Files.writeString(dir.resolve("resolv.conf"), "options timeout:1 attempts:1\n");
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        NetDb db = NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
            .gaiConf(dir.resolve("gai.conf"))
            .nameserver(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()))
            .nameserver(nsd.ipv4()).build()) {
      assertThat(db.stats()).isEqualTo(NetDbStats.NONE);
      assertThat(db.getaddrinfo("www.example.test", null, 2, 1, 0, 0)).isNotEmpty();
      assertThat(db.getaddrinfo("www.example.test", null, 2, 1, 0, 0)).isNotEmpty(); // cached

      NetDbStats s = db.stats();
      assertThat(s.queries()).isEqualTo(2);
      assertThat(s.timeouts()).isEqualTo(1);
      assertThat(s.cacheHits()).isEqualTo(1);
      assertThat(s.cacheMisses()).isEqualTo(1);
      assertThat(s.cacheHitRatio()).isEqualTo(0.5);
      assertThat(s.cacheEntries()).isEqualTo(1);
      String dead = "127.0.0.1:" + silent.getLocalPort();
      String live = "127.0.0.1:" + nsd.port();
      assertThat(s.servers()).extracting(NetDbStats.Server::address).containsExactlyInAnyOrder(dead, live);
      for (NetDbStats.Server x : s.servers()) {
        if (x.address().equals(dead)) {
          assertThat(x.queries()).isEqualTo(1);
          assertThat(x.timeouts()).isEqualTo(1);
          assertThat(x.replies()).isZero();
          assertThat(x.meanRtt()).isEqualTo(Duration.ZERO);
        } else {
          assertThat(x.replies()).isEqualTo(1);
          assertThat(x.timeouts()).isZero();
          assertThat(x.meanRtt()).isPositive().isLessThan(Duration.ofSeconds(1));
          assertThat(x.maxRtt()).isEqualTo(x.meanRtt());
        }
      }
    }
    assertThat(records).anySatisfy(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.FINE); // System.Logger DEBUG
      assertThat(java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
          .contains("127.0.0.1:").contains("www.example.test A").contains("timeout")
          .contains("trying the next server");
    });
  }

  @Test
  void osBackEndHasNoFigures() {
    try {
      assertThat(NetDb.os().stats()).isEqualTo(NetDbStats.NONE);
    } catch (OsBackendUnavailableException e) {
      // nothing to check where FFM does not work
    }
  }
}
