package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.NetDb;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the getent databases with the real {@code getent} on this machine: output bytes and exit
 * status. Only keys that never reach DNS are used (numeric addresses, /etc/hosts addresses, services
 * and protocols); {@code hosts NAME} and {@code ahosts NAME} are left to the oracle namespace.
 */
class GetentDifferentialTest {
  private static final Path GETENT = Path.of("/usr/bin/getent");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "services", "protocols", "services http", "services 80 http/udp 53/udp 99999 0080",
      "services www ssh/tcp 22/udp nosuch", "protocols 6x 300 ipv6-icmp TCP Tcp 0",
      "ahosts 127.0.0.1", "ahostsv4 127.0.0.1", "ahostsv6 127.0.0.1", "ahosts ::1",
      "ahosts fe80::1%1", "ahostsv6 ::ffff:10.0.0.1", "hosts 127.0.0.1"})
  void matchesGetent(String line) throws Exception {
    assumeTrue(Files.isExecutable(GETENT), "no getent here");
    NetDb db;
    try {
      db = NetDb.system();
    } catch (RuntimeException e) {
      assumeTrue(false, "no back end: " + e.getMessage());
      return;
    }
    String[] args = line.split(" ");
    List<String> cmd = new ArrayList<>(List.of(GETENT.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int expectedStatus = p.waitFor();

    StringWriter out = new StringWriter();
    int status = new Cli(new StringReader(""), out, new StringWriter(), o -> db).run(args);
    assertThat(out.toString()).isEqualTo(expected);
    assertThat(status).isEqualTo(expectedStatus);
  }
}
