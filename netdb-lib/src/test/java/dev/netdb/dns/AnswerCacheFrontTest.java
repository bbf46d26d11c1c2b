package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link AnswerCacheTest} again with the Java face's front cache on ({@code
 * coarseClock}, over the stepped clock, which it then reads directly: warm {@code lookup} and
 * {@code lookupPreferring} calls are answered from the front while the answer cache would give
 * them the same entry), and the files checked once a (stepped) second, as netdb-spi has them.
 * Expiry at the TTL, NXDOMAIN and NODATA lifetimes, stale answers, refresh ahead and file changes
 * must come out as without it.
 *
 * <p>With a one-second file check, a kept list's window rarely outlasts a step of those cases; the
 * cases below check the front's own windows with the files checked once an hour, so that a list
 * is kept across the steps and only the TTL, the refresh-ahead point or the file check ends it.
 */
class AnswerCacheFrontTest extends AnswerCacheTest {
  static final long HOUR = 3_600;

  @Override
  NetDbBuilder builder() {
    return super.builder().coarseClock(Duration.ofMillis(10)).fileCheckInterval(Duration.ofSeconds(1));
  }

  /**
   * Rows: refresh ahead on, the second of the call after the list was kept (the answer's TTL is
   * 100 s, so its last tenth starts at 90 s), the answer then, and the lookups that reached DNS by
   * then (each asks what the first asked).
   */
  record Window(String label, boolean refreshAhead, long at, String answer, long queries) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Window> windows() {
    return Stream.of(
        new Window("no refresh ahead, 99 s: kept", false, 99, "[192.0.2.60]", 1),
        new Window("no refresh ahead, 100 s: expired, asked again", false, 100, "[192.0.2.61]", 2),
        new Window("refresh ahead, 89 s: kept, no refresh", true, 89, "[192.0.2.60]", 1),
        new Window("refresh ahead, 91 s: the hit starts the refresh", true, 91, "[192.0.2.60]", 2));
  }

  static Stream<Arguments> windowsByFace() {
    return windows().flatMap(w -> Stream.of(Face.LOOKUP, Face.LOOKUP_PREFERRING_INET6).map(f -> Arguments.of(w, f)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("windowsByFace")
  void aKeptListEndsWhereTheAnswerCacheWouldStopGivingIt(Window row, Face face) throws Exception {
    zone.put("hot.test A", q -> reply(Replies.answer(q, a("hot.test", 100, "192.0.2.60"))));
    zone.put("hot.test AAAA", q -> reply(Replies.rcode(q, 0, soa(3600, 3600)))); // NODATA for an hour
    int family = face == Face.LOOKUP ? 2 : 0;
    NetDb db = open(builder().fileCheckInterval(Duration.ofSeconds(HOUR)).refreshAhead(row.refreshAhead()));
    assertThat(face.outcome(db, "hot.test", family)).isEqualTo("[192.0.2.60]");
    long sent = queries();
    step(1);
    face.outcome(db, "hot.test", family); // the answer cache's hit: the list is kept
    long hits = db.stats().cacheHits();
    assertThat(face.outcome(db, "hot.test", family)).isEqualTo("[192.0.2.60]");
    assertThat(db.stats().cacheHits()).as("a front hit is counted").isEqualTo(hits + 1);
    zone.put("hot.test A", q -> reply(Replies.answer(q, a("hot.test", 100, "192.0.2.61"))));
    step(row.at() - 1);
    assertThat(face.outcome(db, "hot.test", family)).isEqualTo(row.answer());
    long deadline = System.nanoTime() + 5 * SECOND; // a refresh ahead runs in the background
    long more = (row.queries() - 1) * sent; // each lookup asks what the first asked (A, or A and AAAA)
    while (queries() - sent < more && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(queries() - sent).as("queries after the first lookup").isEqualTo(more);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontFaces")
  void aKeptListEndsAtTheNextFileCheck(Face face) throws Exception {
    NetDb db = open(builder().fileCheckInterval(Duration.ofSeconds(HOUR)));
    int family = face == Face.LOOKUP ? 2 : 0;
    assertThat(face.outcome(db, "files.test", family)).isEqualTo("[192.0.2.1]");
    step(1);
    face.outcome(db, "files.test", family); // kept
    Files.writeString(hosts, "192.0.2.2 files.test\n");
    step(HOUR - 2);
    assertThat(face.outcome(db, "files.test", family)).as("no check yet").isEqualTo("[192.0.2.1]");
    step(1);
    assertThat(face.outcome(db, "files.test", family)).as("the hour's check sees the change").isEqualTo("[192.0.2.2]");
  }

  static Stream<Face> frontFaces() {
    return Stream.of(Face.LOOKUP, Face.LOOKUP_PREFERRING_INET6);
  }
}
