package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that the oracle namespace reproduces the reference environment: {@code /usr/bin/python3}
 * run inside it gives, for every case of {@link ReferenceCases} (python-semantics.md §6a and the
 * lo-only column of §6b), the output recorded there.
 *
 * <p>The reference run differed from the namespace in three ways, each handled per row:
 * <ul>
 *   <li>Network: the reference used a "dual" network (lo + a veth with 192.0.2.2/24 and
 *       2001:db8::2/64 and default routes); the namespace has loopback only. Rows whose result
 *       depends on it ({@link ReferenceCases.Setup#NETWORK}: AI_ADDRCONFIG and RFC 3484
 *       source-address sorting) are asserted against the lo-only column of §6b. A separate test runs every row in the
 *       full reference environment ({@link OracleConfig.Network#DUAL}, {@code hosts: files})
 *       and expects the reference column exactly.
 *   <li>DNS: the reference had {@code hosts: files}; the namespace has {@code hosts: files dns}
 *       with NSD answering NXDOMAIN for every name outside the test zones (root zone). Rows
 *       that miss the hosts file and reach DNS are {@link ReferenceCases.Setup#DNS}; their
 *       expected output is the reference's, which shows that NXDOMAIN from DNS and "not in files" look alike. One
 *       row, #54, differs because nss_dns itself is consulted (see the row).
 *   <li>Interpreter: the reference was CPython 3.11.7; here it is Debian's 3.11.2 (no row
 *       differs because of it).
 * </ul>
 */
@ExtendWith(OracleNamespaceExtension.class)
class PythonReferenceTest {
  private static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

  @BeforeAll
  static void runEveryCaseInOnePythonProcess(OracleNamespace ns) throws IOException {
    List<ReferenceCases.Case> cases = ReferenceCases.all();
    CommandResult result = ns.runBatch(
        List.of("/usr/bin/python3", "-c", harness()),
        cases.stream().map(ReferenceCases.Case::expression).toList());
    assertThat(result.exit()).as(result.describe()).isZero();
    List<String> lines = result.lines();
    assertThat(lines).as(result.describe()).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      OUTPUTS.put(cases.get(i).id(), lines.get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.netdb.testing.ReferenceCases#all")
  void pythonInTheNamespaceGivesTheReferenceOutput(ReferenceCases.Case c) {
    assertThat(OUTPUTS.get(c.id())).as("%s [%s]", c.expression(), c.setup())
        .isEqualTo(c.expected());
  }

  @Test
  void tableCoversEveryMainRow() {
    assertThat(ReferenceCases.MAIN).extracting(ReferenceCases.Case::id)
        .containsExactlyElementsOf(Stream.iterate(1, i -> i + 1).limit(98)
            .map(i -> "#" + i).toList());
  }

  /**
   * Checks the reference column itself: in the reference environment (the "dual" network and
   * {@code hosts: files}, no DNS), every row gives exactly the output the document records.
   */
  @Test
  void referenceEnvironmentGivesTheReferenceColumn() throws IOException {
    OracleConfig reference = OracleConfig.reference()
        .withNetwork(OracleConfig.Network.DUAL).withNsswitchConf("hosts: files\n");
    try (OracleNamespace dual = OracleNamespace.open(reference)) {
      CommandResult result = dual.runBatch(
          List.of("/usr/bin/python3", "-c", harness()),
          ReferenceCases.all().stream().map(ReferenceCases.Case::expression).toList());
      assertThat(result.exit()).as(result.describe()).isZero();
      assertThat(result.lines()).containsExactlyElementsOf(
          ReferenceCases.all().stream().map(ReferenceCases.Case::reference).toList());
    }
  }

  /**
   * Checks the optional gai.conf: §6b's {@code precedence ::ffff:0:0/96 100} (plus the other
   * default lines) puts IPv4 first.
   */
  @Test
  void gaiConfPrecedenceVariant() throws IOException {
    String gaiConf = "precedence ::1/128 50\nprecedence ::/0 40\nprecedence 2002::/16 30\n"
        + "precedence ::/96 20\nprecedence ::ffff:0:0/96 100\n";
    assertThat(evaluate(OracleConfig.reference().withGaiConf(gaiConf), List.of(
        "getaddrinfo('localhost',80,0,SOCK_STREAM)",
        "gethostbyaddr('localhost')")))
        .containsExactly(
            "[4/S/6 ('127.0.0.1', 80); 6/S/6 ('::1', 80, 0, 0)]",
            "('localhost', [], ['127.0.0.1'])");
  }

  /** Checks the optional host.conf: §6b's {@code multi off} rows. */
  @Test
  void hostConfMultiOffVariant() throws IOException {
    assertThat(evaluate(OracleConfig.reference().withHostConf("multi off\n"), List.of(
        "getaddrinfo('localhost',80,0,SOCK_STREAM)",
        "gethostbyname_ex('localhost')",
        "gethostbyname_ex('multi.example')")))
        .containsExactly(
            "[4/S/6 ('127.0.0.1', 80)]",
            "('localhost', [], ['127.0.0.1'])",
            "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10'])");
  }

  /** Returns the harness output for {@code expressions} in a fresh namespace with {@code config}. */
  static List<String> evaluate(OracleConfig config, List<String> expressions) throws IOException {
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      CommandResult result =
          ns.runBatch(List.of("/usr/bin/python3", "-c", harness()), expressions);
      assertThat(result.exit()).as(result.describe()).isZero();
      return result.lines();
    }
  }

  @Test
  void onlyDocumentedRowsDifferFromTheReference() {
    assertThat(ReferenceCases.all()).filteredOn(c -> !c.reference().equals(c.expected()))
        .extracting(ReferenceCases.Case::id).containsExactly(
            "#54", "6b localhost AF_INET6 ADDRCONFIG", "6b localhost AF_INET ADDRCONFIG");
  }

  static String harness() {
    try (InputStream in = PythonReferenceTest.class.getResourceAsStream("reference_eval.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
