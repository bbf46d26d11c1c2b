package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.OracleNamespaceExtension;
import dev.netdb.testing.Requirements;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's getent suite: inside the oracle namespace, {@code netdb --backend os DB KEY...} must
 * print exactly what {@code getent DB KEY...} prints (stdout and stderr, byte for byte) and exit
 * with the same status, for {@code hosts}, {@code ahosts}, {@code ahostsv4} and {@code ahostsv6}
 * over zone names, fixture hosts names, numeric addresses and missing names. Every key is run in
 * one invocation (getent's multi-key loop); a sample of keys, one of each kind, is also run alone
 * so each one's exit status is compared (a JVM start per key would make all keys too slow).
 */
@ExtendWith(OracleNamespaceExtension.class)
class GetentNamespaceDifferentialTest {
  /** Zone names (CNAME chains, NODATA, NXDOMAIN, wildcards, truncation), as NSD serves them. */
  static final List<String> ZONE = List.of(TestZone.WWW, TestZone.WEB, TestZone.HOST,
      TestZone.DUAL, TestZone.V4ONLY, TestZone.V6ONLY, TestZone.NXDOMAIN, TestZone.NODATA,
      TestZone.EMPTY_NON_TERMINAL, TestZone.ENT_CHILD, TestZone.DANGLING, TestZone.LOOP1,
      TestZone.WILDCARD_MATCH, TestZone.IDNA, TestZone.IDNA_UNICODE, TestZone.BIG40,
      TestZone.BIG100, "WWW.Example.TEST", TestZone.WWW + ".");

  /** Names of the fixture hosts file, with case variants and aliases. */
  static final List<String> FIXTURE = List.of("localhost", "LOCALHOST", "testhost", "th",
      "testhost.example.org", "ip6-localhost", "ip6-allnodes", "multi.example", "multi-alias1",
      "multi6", "UPPER.Example.NET", "upper", "dup.example", "dup2", "v4only.example",
      "v6only.example", "scoped.example", "hexaddr.example", "xn--bcher-kva.example",
      "b\u00fccher.example", "dotted.example", "dotted.example.", "strasse.example",
      "bad-entry-trailing");

  /** Numeric keys: in the hosts file, with PTR records, without, shorthand and scoped. */
  static final List<String> NUMERIC = List.of("127.0.0.1", "127.1", "::1", "127.0.1.1",
      "192.0.2.10", "2001:db8::10", "10.0.0.1", "fe80::1%lo", "::ffff:127.0.0.1", "0x7f.1",
      TestZone.PTR_ONE_V4, TestZone.PTR_ONE_V6, TestZone.PTR_TWO_V4, TestZone.PTR_TWO_V6,
      TestZone.PTR_NONE_V4, "2001:db8::99", "1.2.3.4");

  /** Names nobody has. */
  static final List<String> MISSING = List.of("nosuchhost.invalid", "nosuch", "a..b",
      "example." + "a".repeat(64));

  /** One key of each kind, each run alone to compare its own exit status. */
  static final List<String> SINGLE = List.of(TestZone.WWW, TestZone.V6ONLY, "multi.example",
      TestZone.PTR_TWO_V4, "::1", "nosuchhost.invalid");

  private final OracleNamespace ns;

  GetentNamespaceDifferentialTest(OracleNamespace ns) {
    Differential.requirePython();
    Requirements.requireProgram("getent", "libc-bin");
    this.ns = ns;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hosts", "ahosts", "ahostsv4", "ahostsv6"})
  void matchesGetent(String db) throws IOException {
    List<String> keys = new ArrayList<>();
    keys.addAll(ZONE);
    keys.addAll(FIXTURE);
    keys.addAll(NUMERIC);
    keys.addAll(MISSING);
    List<String> diffs = new ArrayList<>(compare(db, keys));
    for (String key : SINGLE) {
      diffs.addAll(compare(db, List.of(key)));
    }
    Differential.report("getent " + db, keys.size() + SINGLE.size(), diffs);
    assertThat(diffs).isEmpty();
  }

  /** Runs getent and the CLI with the same keys and describes any difference. */
  private List<String> compare(String db, List<String> keys) throws IOException {
    List<String> getentCommand = new ArrayList<>(List.of("getent", db));
    getentCommand.addAll(keys);
    List<String> cliArgs = new ArrayList<>(List.of("--backend", "os", db));
    cliArgs.addAll(keys);
    CommandResult getent = ns.run(getentCommand, null, Differential.repoRoot());
    CommandResult netdb = ns.run(Differential.java("dev.netdb.cli.Main", cliArgs), null,
        Differential.repoRoot());
    String what = db + " " + (keys.size() == 1 ? keys.getFirst() : "(" + keys.size() + " keys)");
    List<String> diffs = new ArrayList<>();
    if (!getent.stdout().equals(netdb.stdout())) {
      diffs.add(what + " stdout\n" + hunk(getent.lines(), netdb.lines()));
    }
    if (!getent.stderr().equals(netdb.stderr())) {
      diffs.add(what + " stderr\n  getent: " + getent.stderr() + "\n  netdb:  " + netdb.stderr());
    }
    if (getent.exit() != netdb.exit()) {
      diffs.add(what + " exit\n  getent: " + getent.exit() + "\n  netdb:  " + netdb.exit());
    }
    return diffs;
  }

  /**
   * Describes where two outputs part: the lines between their common head and common tail (a
   * missing or extra line would otherwise make every later line differ).
   */
  static String hunk(List<String> expected, List<String> actual) {
    int head = 0;
    while (head < expected.size() && head < actual.size()
        && expected.get(head).equals(actual.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < expected.size() - head && tail < actual.size() - head
        && expected.get(expected.size() - 1 - tail).equals(actual.get(actual.size() - 1 - tail))) {
      tail++;
    }
    StringBuilder b = new StringBuilder("  from line " + (head + 1) + ":\n");
    expected.subList(head, expected.size() - tail).forEach(l -> b.append("  getent: ").append(l)
        .append('\n'));
    actual.subList(head, actual.size() - tail).forEach(l -> b.append("  netdb:  ").append(l)
        .append('\n'));
    if (expected.equals(actual)) {
      b.append("  (same lines; line endings differ)\n");
    }
    return b.toString();
  }
}
