package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.NetDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the CLI's JSON with CPython's over corpora in {@code testdata/oracle/}: {@code
 * argerrors/FUNC.jsonl} (Python argument errors, raised before any back end is used) and {@code
 * values/FUNC.jsonl} (offline values, which need the library; getaddrinfo and getnameinfo only
 * with null or numeric hosts, as {@link OracleHarness} enforces). Any command and corpus can be run
 * ad hoc:
 *
 * <pre>
 * ./mvnw -pl netdb-cli test -Dtest=OracleDifferentialTest#adHoc \
 *   -Dnetdb.oracle.func=inet_pton -Dnetdb.oracle.corpus=/abs/path/calls.jsonl \
 *   [-Dnetdb.oracle.backend=os|java]
 * </pre>
 */
class OracleDifferentialTest {
  private static final Path DATA = Path.of("src/test/resources/testdata/oracle");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gethostname", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
      "getfqdn", "getservbyname", "getservbyport", "getprotobyname", "getaddrinfo", "getnameinfo",
      "inet_aton", "inet_ntoa", "inet_pton", "inet_ntop"})
  void argumentErrorsMatchPython(String func) throws IOException {
    assumeTrue(OracleHarness.available(), "/usr/bin/python3 or tools/oracle.py missing");
    List<String> lines = Files.readAllLines(DATA.resolve("argerrors/" + func + ".jsonl"));
    // A back end is never needed: every line fails in Python's argument parsing.
    var diffs = OracleHarness.compare(func, lines, o -> {
      throw new AssertionError("argument errors must not reach a back end");
    });
    assertThat(diffs).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"inet_aton", "inet_ntoa", "inet_pton", "inet_ntop", "getservbyname",
      "getservbyport", "getprotobyname", "getaddrinfo", "getnameinfo"})
  void offlineValuesMatchPython(String func) throws IOException {
    assumeTrue(OracleHarness.available(), "/usr/bin/python3 or tools/oracle.py missing");
    GetentTest.assumeInetBuilt();
    NetDb db = systemBackend();
    List<String> lines = Files.readAllLines(DATA.resolve("values/" + func + ".jsonl"));
    var diffs = OracleHarness.compare(func, lines, o -> db);
    assertThat(diffs).isEmpty();
  }

  @Test
  void adHoc() throws IOException {
    String func = System.getProperty("netdb.oracle.func");
    String corpus = System.getProperty("netdb.oracle.corpus");
    assumeTrue(func != null && corpus != null, "set -Dnetdb.oracle.func and -Dnetdb.oracle.corpus");
    String backend = System.getProperty("netdb.oracle.backend");
    var options = new Options(backend, true, null, null, List.of(), null, false, null,
        List.of());
    var diffs = OracleHarness.compare(func, Files.readAllLines(Path.of(corpus)),
        o -> BackendFactory.create(options));
    diffs.forEach(System.out::println);
    assertThat(diffs).isEmpty();
  }

  @Test
  void harnessRefusesLookupsOutsideTheNamespace() {
    assumeTrue(!OracleHarness.insideNamespace(), "inside the oracle namespace");
    assertThatThrownBy(() -> OracleHarness.compare("gethostbyname", List.of("[\"example.com\"]"),
        o -> null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing");
    assertThat(OracleHarness.unsafe("getaddrinfo", "[\"localhost\", 80]")).isNotNull();
    assertThat(OracleHarness.unsafe("getaddrinfo", "[\"::1\", 80, 0, 0, 0, \"AI_NUMERICHOST\"]"))
        .isNull();
    assertThat(OracleHarness.unsafe("getaddrinfo", "[null, 80]")).isNull();
    assertThat(OracleHarness.unsafe("getnameinfo", "[[\"127.0.0.1\", 80], 0]")).isNotNull();
    assertThat(OracleHarness.unsafe("getnameinfo", "[[\"127.0.0.1\", 80], \"NI_NUMERICHOST\"]"))
        .isNull();
    assertThat(OracleHarness.unsafe("getfqdn", "[]")).isNotNull();
    assertThat(OracleHarness.unsafe("gethostbyname", "[5]")).isNull();
  }

  private static NetDb systemBackend() {
    try {
      return NetDb.system();
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no back end built yet: " + e.getMessage());
      return null;
    }
  }
}
