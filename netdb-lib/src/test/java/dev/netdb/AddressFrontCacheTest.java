package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.backend.Backend;
import dev.netdb.resolve.CoarseClock;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java face's front cache: when a kept list may be served (on a manual coarse clock, exact),
 * that each hit is counted, and, through {@link NetDb#builder()} with the real ticking clock, that
 * its thread starts with the first warm lookup and ends with {@code close()} and that a hosts-file
 * change still takes effect at the next file check. The answer cache's side (expiry, refresh
 * ahead, stale answers, negative answers) runs as {@code dns.AnswerCacheFrontTest}.
 */
class AddressFrontCacheTest {
  static final long TICK = 10;
  static final List<InetAddress> LIST = List.of(InetAddress.ofLiteral("192.0.2.1"));

  @TempDir Path dir;
  final AtomicLong nanos = new AtomicLong();
  final AtomicLong hits = new AtomicLong();
  final CoarseClock clock = CoarseClock.manual(nanos::get, Duration.ofNanos(TICK), 1_000);

  AddressFrontCache cache(int maxHosts) {
    return new AddressFrontCache(clock, hits::incrementAndGet, maxHosts);
  }

  static Backend.Expiring answer(long reuseUntil) {
    return new Backend.Expiring(List.of(), 0, null, dev.netdb.dns.HErrnoEffect.UNTOUCHED, reuseUntil);
  }

  /**
   * Rows: the answer cache's reuse-until, the coarse reading at the lookup, whether the list is
   * served. It is served only while the reading is more than a tick before the end, since the
   * reading may lag the clock by a tick.
   */
  @ParameterizedTest(name = "until {0}, reading {1}: served {2}")
  @CsvSource({
    "1000, 0,    true",
    "1000, 989,  true",
    "1000, 990,  false",
    "1000, 1000, false",
    "1000, 5000, false",
    "-50,  -61,  true",
    "-50,  -60,  false",
  })
  void aListIsServedUntilATickBeforeTheAnswerCacheWouldStopGivingIt(long until, long reading, boolean served) {
    AddressFrontCache front = cache(10);
    front.put("a.test", AddressFrontCache.INET_FIRST, LIST, answer(until));
    nanos.set(reading);
    clock.tick();
    assertThat(front.get("a.test", AddressFrontCache.INET_FIRST)).isEqualTo(served ? LIST : null);
    assertThat(hits.get()).as("hits counted").isEqualTo(served ? 1 : 0);
  }

  @Test
  void anAnswerThatMayNotBeReusedIsNotKept() {
    AddressFrontCache front = cache(10);
    front.put("a.test", AddressFrontCache.INET, LIST, answer(Backend.Expiring.NO_REUSE));
    clock.tick();
    assertThat(front.size()).isZero();
    assertThat(front.get("a.test", AddressFrontCache.INET)).isNull();
  }

  @Test
  void nothingIsServedBeforeTheClockHasAReading() {
    AddressFrontCache front = cache(10);
    front.put("a.test", AddressFrontCache.INET, LIST, answer(1_000_000));
    assertThat(front.get("a.test", AddressFrontCache.INET)).as("no tick yet").isNull();
    clock.tick();
    assertThat(front.get("a.test", AddressFrontCache.INET)).isEqualTo(LIST);
  }

  @Test
  void eachFaceAndSpellingIsItsOwn() {
    AddressFrontCache front = cache(10);
    front.put("a.test", AddressFrontCache.INET_FIRST, LIST, answer(1_000_000));
    clock.tick();
    assertThat(front.get("a.test", AddressFrontCache.INET6_FIRST)).isNull();
    assertThat(front.get("a.test", AddressFrontCache.UNSPEC)).isNull();
    assertThat(front.get("A.test", AddressFrontCache.INET_FIRST)).isNull();
    assertThat(front.get("a.test", AddressFrontCache.INET_FIRST)).isEqualTo(LIST);
    assertThat(hits.get()).isEqualTo(1);
  }

  /** Rows: each public lookup's family and the face it is kept under (-1: not kept). */
  @ParameterizedTest(name = "{0}: lookup {1}, lookupPreferring {2}")
  @CsvSource({
    "UNSPEC, 0, -1",
    "INET,   1,  3",
    "INET6,  2,  4",
    "UNIX,  -1, -1",
  })
  void theFaces(AddressFamily family, int lookup, int preferring) {
    assertThat(AddressFrontCache.face(family)).isEqualTo(lookup);
    assertThat(AddressFrontCache.preferringFace(family)).isEqualTo(preferring);
  }

  @Test
  void whenFullEveryListIsDropped() {
    AddressFrontCache front = cache(2);
    for (String h : List.of("a.test", "b.test", "c.test")) {
      front.put(h, AddressFrontCache.INET, LIST, answer(1_000_000));
    }
    clock.tick();
    assertThat(front.size()).isEqualTo(1);
    assertThat(front.get("c.test", AddressFrontCache.INET)).isEqualTo(LIST);
    assertThat(front.get("a.test", AddressFrontCache.INET)).isNull();
  }

  @Test
  void closedServesNothing() {
    AddressFrontCache front = cache(10);
    front.put("a.test", AddressFrontCache.INET, LIST, answer(1_000_000));
    clock.tick();
    front.close();
    assertThat(front.get("a.test", AddressFrontCache.INET)).isNull();
  }

  @Test
  void throughTheBuilderTheThreadComesWithTheFirstWarmLookupAndGoesWithClose() throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.7 front.test\n");
    NetDb db = NetDb.builder().hostsFile(hosts).resolvConf(Files.writeString(dir.resolve("resolv.conf"), ""))
        .gaiConf(dir.resolve("none")).hostConf(dir.resolve("none")).hostname("h").noInterfaceAddresses()
        .nameserver(new java.net.InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9))
        .fileCheckInterval(Duration.ofSeconds(1)).coarseClock(Duration.ofMillis(1)).build();
    AddressFrontCache front = ((PythonLayer) db).frontCache();
    try {
      assertThat(front).isNotNull();
      assertThat(front.clockThreadAlive()).as("no thread before a lookup").isFalse();
      List<InetAddress> first = db.lookup("front.test", AddressFamily.INET);
      assertThat(first).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.7");
      // The second call is the answer cache's hit, whose list is kept; the clock then starts.
      HappyEyeballsTest.awaitTrue(() -> { // within 10 s: the clock ticks every millisecond
        try {
          db.lookup("front.test", AddressFamily.INET);
        } catch (java.net.UnknownHostException e) {
          throw new AssertionError(e);
        }
        return front.get("front.test", AddressFrontCache.INET) != null; // served from the front
      });
      assertThat(front.clockThreadAlive()).isTrue();
      long before = db.stats().cacheHits();
      for (int i = 0; i < 5; i++) {
        db.lookup("front.test", AddressFamily.INET);
      }
      assertThat(db.stats().cacheHits()).as("front hits are answer-cache hits").isGreaterThanOrEqualTo(before + 5);

      Files.writeString(hosts, "192.0.2.8 front.test\n");
      HappyEyeballsTest.awaitTrue(() -> { // the hosts change is seen at a file check (1 s)
        try {
          return db.lookup("front.test", AddressFamily.INET).getFirst().getHostAddress().equals("192.0.2.8");
        } catch (java.net.UnknownHostException e) {
          throw new AssertionError(e);
        }
      });
    } finally {
      db.close();
    }
    assertThat(front.clockThreadAlive()).as("close ends the thread").isFalse();
    assertThatThrownBy(() -> db.lookup("front.test", AddressFamily.INET)).isInstanceOf(NetDbClosedException.class);
  }

  @Test
  void noFrontWithoutACoarseClockOrWhenEveryCallChecksTheFiles() {
    NetDbBuilder b = NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"));
    assertThat(front(b)).as("no coarse clock").isFalse();
    assertThat(front(b.coarseClock(Duration.ofMillis(1)))).as("files checked every call").isFalse();
    assertThat(front(b.fileCheckInterval(Duration.ofSeconds(1)))).isTrue();
    assertThat(front(b.answerCache(false))).as("no answer cache").isFalse();
  }

  /** Reports whether a NetDb built by {@code b} has a front cache. */
  static boolean front(NetDbBuilder b) {
    try (NetDb db = b.build()) {
      return ((PythonLayer) db).frontCache() != null;
    }
  }
}
