package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the readers on fixture files full of glibc's parse quirks, against {@code getent} and
 * Python run with those files bind-mounted over {@code /etc/services} and {@code /etc/protocols}
 * in a private mount and network namespace. Needs root and {@code unshare}; skipped with the reason
 * otherwise, except under {@code CI=true}, where it must run.
 */
class OracleNamespaceTest {
  @TempDir static Path dir;
  static Path services;
  static Path protocols;
  static FilesDatabases db;

  @BeforeAll
  static void setUp() {
    String reason = Oracle.available() ? Oracle.namespaceUnavailableReason() : "python3 or getent missing";
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(reason == null, () -> "skipped: " + reason);
    }
    assertThat(reason).as("CI=true requires root, unshare, python3 and getent").isNull();
    services = Oracle.resourceFile("services-quirks", dir);
    protocols = Oracle.resourceFile("protocols-quirks", dir);
    db =
        new FilesDatabases(
            ServicesDatabase.open(services, Duration.ZERO, System::nanoTime),
            ProtocolsDatabase.open(protocols, Duration.ZERO, System::nanoTime));
  }

  @Test
  void servicesListingMatchesGetent() {
    assertGetent("services", List.of());
  }

  @Test
  void protocolsListingMatchesGetent() {
    assertGetent("protocols", List.of());
  }

  @Test
  void keyLookupsMatchGetent() {
    for (String key :
        List.of("http", "HTTP", "WWW", "www/udp", "80/udp", "80", "same", "first", "first/tcp", "7",
            "8", "noproto/", "noproto", "82/", "al6", "tcpcp", "last", "91/tcpcp", "91/tcp", "utf",
            "hidden", "nul", "zz", "4464", "65535", "v1", "a", "a8y")) {
      assertGetent("services", List.of(key));
    }
    for (String key : List.of("tcp", "TCP", "6", "66", "10", "4294967295", "20101", "p6", "q1", "SIX", "Q8")) {
      assertGetent("protocols", List.of(key));
    }
  }

  @Test
  void lookupsMatchPython() {
    List<PythonCorpus.Call> calls = PythonCorpus.build(db, 7L);
    List<String> inputs = new ArrayList<>(calls.stream().map(PythonCorpus.Call::input).toList());
    List<String> expected = new ArrayList<>(calls.stream().map(PythonCorpus.Call::javaAnswer).toList());
    assertThat(OracleScript.run(inputs, services, protocols)).containsExactlyElementsOf(expected);
  }

  @Test
  void reportsEverySkippedLine() {
    assertThat(db.services().diagnostics())
        .extracting(Diagnostic::lineNumber)
        .containsExactly(7, 8, 11, 15);
    assertThat(db.protocols().diagnostics())
        .extracting(Diagnostic::lineNumber)
        .containsExactly(4, 6, 12, 13);
  }

  private static void assertGetent(String database, List<String> keys) {
    List<String> argv = new ArrayList<>(List.of("getent", database, "--"));
    argv.addAll(keys);
    Oracle.Run expected = Oracle.inNamespace(services, protocols, argv, "");
    GetentFormatTest.assertJava(database, keys, GetentFormat.Source.of(db), expected);
  }
}
