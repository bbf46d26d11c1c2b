package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the resolver under load in a child JVM whose descriptor limit is lowered to 1024 ({@code
 * ulimit -n 1024}), one scenario per child ({@link DnsLoadMain}), bounded in count and time:
 * 20,000 concurrent lookups against NSD on loopback are all answered, with the descriptors back
 * to their baseline within a second; with half the datagrams dropped every lookup ends, answered
 * by a retry or failed by its timeout; with no descriptor left a lookup fails as Python's {@code
 * OSError(24, 'Too many open files')} and the next one, once descriptors are free, succeeds.
 */
@ExtendWith(NsdExtension.class)
class DnsLoadTest {
  private final NsdServer nsd;

  DnsLoadTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  @Test
  void twentyThousandLookupsUnderUlimit1024AreAllAnswered() throws Exception {
    Map<String, String> r = child("healthy", nsd.ipv4().getAddress().getHostAddress(), Integer.toString(nsd.port()),
        "n%d.wild.example.test", TestZone.WILDCARD_V4, "20000");
    assertThat(r).containsEntry("done", "20000").containsEntry("answered", "20000")
        .containsEntry("wrong", "0").containsEntry("again", "0").containsEntry("other", "0");
    assertThat(Integer.parseInt(r.get("peak"))).as("descriptors at the peak").isLessThan(1024);
    assertThat(Long.parseLong(r.get("backMillis"))).as("back to the baseline %s within 1 s", r.get("baseline"))
        .isBetween(0L, 1000L);
  }

  @Test
  void fiveThousandSlowLookupsQueueInsteadOfRunningOutOfDescriptors() throws Exception {
    Map<String, String> r = child("slow", "5000");
    assertThat(r).containsEntry("done", "5000").containsEntry("answered", "5000").containsEntry("other", "0");
    assertThat(Integer.parseInt(r.get("peak"))).as("descriptors at the peak").isLessThan(1024);
    assertThat(Long.parseLong(r.get("backMillis"))).isBetween(0L, 1000L);
  }

  @Test
  void halfTheDatagramsDroppedEveryLookupEnds() throws Exception {
    Map<String, String> r = child("drop50", "2000");
    assertThat(r).containsEntry("done", "2000").containsEntry("wrong", "0").containsEntry("other", "0");
    int answered = Integer.parseInt(r.get("answered"));
    int again = Integer.parseInt(r.get("again"));
    assertThat(answered + again).isEqualTo(2000);
    // two tries of which each is dropped with probability 1/2: about three in four are answered
    assertThat(answered).isGreaterThan(1000);
    assertThat(Long.parseLong(r.get("backMillis"))).isBetween(0L, 1000L);
  }

  @Test
  void outOfDescriptorsIsOsError24() throws Exception {
    Map<String, String> r = child("emfile", nsd.ipv4().getAddress().getHostAddress(), Integer.toString(nsd.port()),
        TestZone.HOST);
    assertThat(r).containsEntry("first", "2")
        .containsEntry("starved", "OSError(24, 'Too many open files')")
        .containsEntry("recovered", "2");
  }

  private static Map<String, String> child(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = Path.of("target/test-classes").toAbsolutePath() + ":" + Path.of("target/classes").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        // The child runs the transport this pass runs (Poller.PROPERTY): epoll needs native access.
        "ulimit -n 1024 && exec \"$0\" -Xmx512m --enable-native-access=ALL-UNNAMED -D" + Poller.PROPERTY + "=\"$2\""
            + " -Dnetdb.test.loopbackOnly=true -cp \"$1\" dev.netdb.dns.DnsLoadMain \"${@:3}\"",
        java, cp, Pollers.expected()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out;
    try (var in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child JVM did not end in 180 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    Map<String, String> m = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (line.startsWith("error=")) System.out.println("DnsLoadTest child: " + line);
      if (eq > 0 && !line.substring(0, eq).contains(" ")) m.put(line.substring(0, eq), line.substring(eq + 1));
    }
    System.out.println("DnsLoadTest " + String.join(" ", args) + ": " + m);
    return m;
  }
}
