package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.OracleNamespaceExtension;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's example suite: inside the oracle namespace, each example twin ({@code
 * dev.netdb.examples.Socket*}, what {@code examples/run NAME --backend os HOSTS...} starts) must
 * print what the chapter's Python program prints with its hosts replaced by test names. The
 * programs are copied unchanged under {@code programs/} and run through {@code run_program.py},
 * which swaps only the host constant for the command-line values. Standard output is compared
 * byte for byte, and so are the exit status and the last line of standard error (Python's
 * traceback ends with the line the twin prints for an uncaught exception). Programs that look up
 * one host run once per host.
 */
@ExtendWith(OracleNamespaceExtension.class)
class ExamplesDifferentialTest {
  private static final Path RESOURCES = Path.of("netdb-cli/src/test/resources/dev/netdb/cli");

  /** Names for the programs that loop over a host list. */
  static final List<String> NAMES = List.of(TestZone.WWW, TestZone.HOST, TestZone.DUAL,
      TestZone.V6ONLY, TestZone.NXDOMAIN, TestZone.NODATA, TestZone.LOOP1,
      TestZone.WILDCARD_MATCH, TestZone.IDNA_UNICODE, TestZone.BIG100, "WWW.Example.TEST",
      "localhost", "testhost", "th", "multi.example", "multi-alias2", "multi6", "dup.example",
      "upper", "scoped.example", "hexaddr.example", "stra\u00dfe.example", "127.1", "::1",
      "192.0.2.110", "2001:db8::120", "192.0.2.99", "", "nosuchname", "example." + "a".repeat(64));

  /** Hosts for the getaddrinfo programs, one run each. */
  static final List<String> ADDRINFO_HOSTS = List.of(TestZone.WWW, TestZone.DUAL, TestZone.V6ONLY,
      TestZone.NXDOMAIN, TestZone.IDNA_UNICODE, "localhost", "multi.example", "scoped.example",
      "::1");

  /** Addresses for gethostbyaddr, one run each. */
  static final List<String> ADDRESSES = List.of(TestZone.PTR_ONE_V4, TestZone.PTR_TWO_V4,
      TestZone.PTR_TWO_V6, TestZone.PTR_NONE_V4, "127.0.0.1", "::1", "10.0.0.1", "multi.example");

  private final OracleNamespace ns;

  ExamplesDifferentialTest(OracleNamespace ns) {
    Differential.requirePython();
    this.ns = ns;
  }

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of("gethostbyname", "SocketGethostbyname", List.of(NAMES)),
        Arguments.of("gethostbyname_ex", "SocketGethostbynameEx", List.of(NAMES)),
        Arguments.of("getfqdn", "SocketGetfqdn", List.of(NAMES)),
        Arguments.of("gethostbyaddr", "SocketGethostbyaddr", each(ADDRESSES)),
        Arguments.of("getaddrinfo", "SocketGetaddrinfo", each(ADDRINFO_HOSTS)),
        Arguments.of("getaddrinfo_extra_args", "SocketGetaddrinfoExtraArgs",
            each(ADDRINFO_HOSTS)));
  }

  private static List<List<String>> each(List<String> hosts) {
    return hosts.stream().map(List::of).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void twinPrintsWhatPythonPrints(String program, String twin, List<List<String>> runs)
      throws IOException {
    Path root = Differential.repoRoot();
    List<String> diffs = new ArrayList<>();
    int lines = 0;
    for (List<String> hosts : runs) {
      List<String> python = new ArrayList<>(List.of(Differential.PYTHON,
          root.resolve(RESOURCES).resolve("run_program.py").toString(),
          root.resolve(RESOURCES).resolve("programs/socket_" + program + ".py").toString()));
      python.addAll(hosts);
      List<String> javaArgs = new ArrayList<>(List.of("--backend", "os"));
      javaArgs.addAll(hosts);
      CommandResult p = ns.run(python, null, root);
      CommandResult j = ns.run(Differential.java("dev.netdb.examples." + twin, javaArgs), null,
          root);
      String what = program + " " + hosts;
      lines += p.lines().size() + 1;
      if (!p.stdout().equals(j.stdout())) {
        diffs.add(what + " stdout\n" + GetentNamespaceDifferentialTest.hunk(p.lines(), j.lines())
            .replace("getent:", "python:"));
      }
      if (!lastLine(p.stderr()).equals(lastLine(j.stderr()))) {
        diffs.add(what + " stderr\n  python: " + lastLine(p.stderr()) + "\n  netdb:  "
            + lastLine(j.stderr()));
      }
      if (p.exit() != j.exit()) {
        diffs.add(what + " exit\n  python: " + p.exit() + "\n  netdb:  " + j.exit());
      }
    }
    Differential.report("example " + program + " (" + runs.size() + " runs, lines)", lines, diffs);
    assertThat(lines).isGreaterThan(runs.size() * 2);
    assertThat(diffs).isEmpty();
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().toList();
    return lines.isEmpty() ? "" : lines.getLast();
  }
}
