package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdk.jfr} is optional: in a JVM without it ({@code --limit-modules java.base}) a java
 * back-end lookup that sends DNS queries (to 127.0.0.1:9, where nothing listens) and fails runs as
 * usual, and none of netdb's JFR classes is loaded. With the module but no recording, no event
 * class is loaded either: in JDK 25 the first one sets up JFR's metadata (about 400 classes).
 */
class JfrAbsentTest {
  @TempDir Path dir;

  @Test
  void lookupsRunAndNoJfrClassLoadsWithoutTheModule() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options timeout:1 attempts:1\n");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--limit-modules", "java.base", "-Xlog:class+load=info:stdout", "-cp", Differential.classPath(),
        "dev.netdb.cli.Main", "--backend", "java", "--hosts", hosts.toString(), "--resolv-conf",
        resolv.toString(), "--nameserver", "127.0.0.1:9", "getaddrinfo", "nosuch.example.test", "80"));
    CommandResult r = CommandResult.run(command, "", Duration.ofMinutes(2));
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.stdout()).contains("ERROR: [Errno -3] Temporary failure in name resolution")
        .contains("dev.netdb.observe.Events ")
        .doesNotContain("dev.netdb.observe.jfr.").doesNotContain("jdk.jfr.");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void noEventClassLoadsWithoutARecording() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options timeout:1 attempts:1\n");
    for (List<String> args : List.of(
        List.of("--backend", "java", "getservbyname", "http"),
        List.of("--backend", "java", "--hosts", hosts.toString(), "--resolv-conf", resolv.toString(),
            "--nameserver", "127.0.0.1:9", "getaddrinfo", "nosuch.example.test", "80"))) {
      List<String> command = new java.util.ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xlog:class+load=info:stdout", "-cp", Differential.classPath(), "dev.netdb.cli.Main"));
      command.addAll(args);
      CommandResult r = CommandResult.run(command, "", Duration.ofMinutes(2));
      if (args.contains("getaddrinfo")) {
        assertThat(r.stdout()).as("the events were asked for").contains("dev.netdb.observe.Events ");
      }
      assertThat(r.stdout()).as(r.describe()).doesNotContain("jdk.jfr.Event ").doesNotContain("jdk.jfr.internal.MetadataRepository")
          .doesNotContain("dev.netdb.observe.jfr.LookupEvent").doesNotContain("dev.netdb.observe.jfr.DnsQueryEvent")
          .doesNotContain("dev.netdb.observe.jfr.CacheStatisticsEvent");
      assertThat(r.stdout()).as(r.describe()).containsAnyOf("http : 80", "Temporary failure in name resolution");
    }
  }
}
