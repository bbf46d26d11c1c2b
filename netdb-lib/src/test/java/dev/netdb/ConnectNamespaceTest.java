package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connects by name inside the oracle namespace with the "dual" network, where an on-link IPv6 (or
 * IPv4) destination never answers: the veth peer holds no such address, so neighbour discovery
 * fails and {@code connect} ends after about 3 s with {@code EHOSTUNREACH} (no module beyond veth
 * is needed, and no packet leaves the namespace). Python's {@code create_connection} is the oracle
 * for the exact mode on both back ends, with hosts-file and DNS (NSD) names; Happy Eyeballs must
 * connect over IPv4 after the attempt delay.
 */
class ConnectNamespaceTest {
  private static final int PORT = 8080;
  private static final int CLOSED = 8081;

  @Test
  void exactModeMatchesPythonAndHappyEyeballsFallsBackToIpv4() throws Exception {
    OracleConfig config = OracleConfig.reference().withNetwork(OracleConfig.Network.DUAL)
        .withHosts(OracleNamespace.fixtureHosts() + ConnectNamespaceMain.HOSTS);
    Path dir = Files.createTempDirectory("netdb-connect-ns");
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      Files.writeString(dir.resolve("oracle.py"), ConnectOracle.script());
      Files.writeString(dir.resolve("cases"), String.join("\n",
          ConnectNamespaceMain.rows(PORT, CLOSED).stream().map(ConnectionOracleTest.Row::json)
              .toList()) + "\n");
      String java = ProcessHandle.current().info().command().orElse("java");
      // surefire puts the module on the module path: name both class directories explicitly
      String cp = Path.of("target/test-classes").toAbsolutePath() + ":"
          + Path.of("target/classes").toAbsolutePath() + ":"
          + System.getProperty("java.class.path");
      String main = ConnectNamespaceMain.class.getName();
      String script = """
          set -u
          /usr/bin/python3 -c '
          import socket
          s = socket.create_server(("127.0.0.1", %1$d), backlog=64)
          while True:
              s.accept()[0].close()' &
          server=$!
          trap 'kill $server' EXIT
          sleep 0.3
          echo '== python'; /usr/bin/python3 oracle.py < cases
          for b in os java he; do
            echo "== $b"
            "%2$s" --enable-native-access=ALL-UNNAMED -cp "%3$s" %4$s $b %1$d %5$d
          done
          """.formatted(PORT, java, cp, main, CLOSED);
      CommandResult r = ns.run(List.of("bash", "-c", script), null, dir);
      assertThat(r.exit()).as(r.describe()).isZero();
      String[] sections = r.stdout().split("== ");
      List<String> python = sections[1].lines().skip(1).toList();
      List<String> os = sections[2].lines().skip(1).toList();
      List<String> javaBackend = sections[3].lines().skip(1).toList();
      List<String> he = sections[4].lines().skip(1).toList();
      assertThat(python).hasSize(ConnectNamespaceMain.rows(PORT, CLOSED).size());
      assertThat(python.get(0)).contains("\"ok\": true", "127.0.0.1");
      assertThat(python.get(2)).contains("OSError", "113", "No route to host");
      assertThat(python.get(3)).contains("ExceptionGroup", "TimeoutError");
      assertThat(os).as("os back end against Python").isEqualTo(python);
      assertThat(javaBackend).as("java back end against Python").isEqualTo(python);
      assertThat(he).as(String.join("\n", he)).contains("winner 127.0.0.1:" + PORT);
      assertThat(he).anyMatch(l -> l.startsWith("[2001:db8::99]:" + PORT + " CANCELLED "));
      String v4 = he.stream().filter(l -> l.startsWith("127.0.0.1:")).findFirst().orElseThrow();
      assertThat(Long.parseLong(v4.substring(v4.lastIndexOf(' ') + 1))).isBetween(250L, 2500L);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
