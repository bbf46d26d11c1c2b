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
 * Checks the readers on fixture files full of glibc's parse quirks, against Python run with those
 * files bind-mounted over {@code /etc/services} and {@code /etc/protocols} in a private mount and
 * network namespace. Needs root and {@code unshare}; skipped with the reason
 * otherwise, except under {@code CI=true}, where it must run. The same fixtures against {@code
 * getent} are netdb-cli's {@code GetentFilesDifferentialTest}, over the CLI's getent formatter.
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
}
