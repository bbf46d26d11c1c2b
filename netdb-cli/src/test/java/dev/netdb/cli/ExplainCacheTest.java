package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.OsBackendUnavailableException;
import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} over the answer cache, in-process against NSD on loopback with the builder's
 * stepped clock: the first call shows the cache's miss before its queries, the second, 100 s
 * later, a hit with exactly the rest of the zone's 300 s TTL and no query, in JSON and in text.
 * And the {@code "os"} object's {@code "route"}: the OS back end's {@code hosts} route, checked
 * against {@code OsBackend.route} for a numeric host (which glibc answers without NSS, so nothing
 * is looked up outside the test's own files).
 */
@ExtendWith(NsdExtension.class)
class ExplainCacheTest {
  @TempDir Path dir;
  private final NsdServer nsd;
  private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));

  ExplainCacheTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  private NetDb netDb() throws IOException {
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(dir.resolve("resolv.conf"), "options timeout:2 attempts:1\n");
    return NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
        .gaiConf(dir.resolve("gai.conf")).hostConf(dir.resolve("host.conf")).hostname("h")
        .noInterfaceAddresses().nameserver(nsd.ipv4()).clock(clock::get).build();
  }

  /** No OS comparison: the OS back end would look the name up through this machine's resolver. */
  private static NetDb noOs() {
    throw new IllegalStateException("not compared in this test");
  }

  private static String explain(Session session, boolean json, String... words) throws IOException {
    StringWriter out = new StringWriter();
    int status = ExplainCommand.run(session, List.of(words), json, out, ExplainCacheTest::noOs);
    assertThat(status).as(out.toString()).isZero();
    return out.toString();
  }

  private static List<Map<String, PyValue>> steps(String json, String kind) {
    Map<String, PyValue> doc = ((PyValue.PyDict) JsonReader.readArguments("[" + json.strip() + "]").getFirst()).entries();
    return items(doc.get("trace")).stream()
        .map(s -> ((PyValue.PyDict) s).entries())
        .filter(m -> m.get("step").equals(PyValue.str(kind)))
        .toList();
  }

  private static List<PyValue> items(PyValue v) {
    return v instanceof PyValue.PyList l ? l.items() : ((PyValue.PyTuple) v).items();
  }

  @Test
  void aMissThenAHitWithTheRemainingTtlInJsonAndText() throws IOException {
    try (NetDb db = netDb()) {
      Session session = new Session(null, o -> db);
      String first = explain(session, true, "host.example.test", "--family", "AF_INET");
      assertThat(first).contains("{\"step\": \"answer-cache\", \"host\": \"host.example.test\", \"state\": \"miss\","
          + " \"kind\": null, \"ttl_remaining_ms\": 0, \"expired_ms\": 0}");
      assertThat(first.indexOf("\"step\": \"answer-cache\"")).as("the verdict before the queries")
          .isLessThan(first.indexOf("\"step\": \"query\""));
      assertThat(steps(first, "query")).hasSize(1);

      clock.addAndGet(TimeUnit.SECONDS.toNanos(100));
      String second = explain(session, true, "host.example.test", "--family", "AF_INET");
      assertThat(second).contains("{\"step\": \"answer-cache\", \"host\": \"host.example.test\", \"state\": \"hit\","
          + " \"kind\": \"dns\", \"ttl_remaining_ms\": 200000, \"expired_ms\": 0}");
      assertThat(steps(second, "query")).isEmpty();
      assertThat(steps(second, "result")).as("the same answer").isEqualTo(steps(first, "result"))
          .singleElement().satisfies(r -> assertThat(items(r.get("addresses"))).isNotEmpty());

      clock.addAndGet(TimeUnit.SECONDS.toNanos(50));
      String text = explain(session, false, "host.example.test", "--family", "AF_INET");
      assertThat(text).contains("\nanswer-cache  host.example.test: hit, dns answer fresh for 150.000 s\n")
          .doesNotContain("\nquery ");
    }
  }

  @Test
  void theOsObjectCarriesTheHostsRouteOfTheOsBackEnd() throws IOException {
    dev.netdb.os.NssRoute route;
    try {
      NetDb.os();
      route = dev.netdb.os.OsBackend.system().route("hosts");
    } catch (OsBackendUnavailableException e) {
      return; // covered where FFM works
    }
    List<String> sources = dev.netdb.files.NsswitchConf.watch(dev.netdb.files.NsswitchConf.DEFAULT_PATH).get()
        .sources("hosts").stream().map(String::valueOf).toList();
    try (NetDb db = netDb()) {
      StringWriter out = new StringWriter();
      // A numeric host: glibc's getaddrinfo answers it with inet_aton, before any NSS module.
      int status = ExplainCommand.run(new Session(null, o -> db), List.of("127.0.0.1", "80"), true, out, NetDb::os);
      assertThat(status).isZero();
      StringBuilder expected = new StringBuilder("\"os\": {\"agrees\": true, \"route\": {\"database\": \"hosts\", \"sources\": ");
      JsonWriter.write(expected, PyValue.strList(sources));
      expected.append(", \"answered_by\": ");
      JsonWriter.write(expected, PyValue.str(route.filesReader() ? "files" : "glibc"));
      expected.append(", \"reason\": ");
      JsonWriter.write(expected, PyValue.str(route.reason()));
      expected.append("}, \"result\": [");
      assertThat(out.toString()).contains(expected);

      StringWriter text = new StringWriter();
      ExplainCommand.run(new Session(null, o -> db), List.of("127.0.0.1", "80"), false, text, NetDb::os);
      assertThat(text.toString()).contains("\nos            route: hosts: " + String.join(" ", sources) + " -> "
          + (route.filesReader() ? "files" : "glibc") + " (" + route.reason() + ")\n"
          + "              same: the OS back end gives the same answer\n");
    }
  }
}
