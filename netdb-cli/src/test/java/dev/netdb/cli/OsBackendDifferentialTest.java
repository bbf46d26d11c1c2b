package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.GetaddrinfoCorpus;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.OracleNamespaceExtension;
import dev.netdb.testing.ReferenceCases;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's differential suite: inside the oracle namespace, {@code tools/oracle.py FUNC}
 * (CPython 3.11 on glibc) and {@code netdb --json --backend os FUNC -} get the same batch lines
 * and must print the same lines, in the same order: the full {@link GetaddrinfoCorpus}, every
 * §6a/§6b reference case, and the host functions over the zone names, PTR addresses and fixture
 * hosts names. Each test lists every differing line.
 */
@ExtendWith(OracleNamespaceExtension.class)
class OsBackendDifferentialTest {
  private static final List<String> OS = List.of("--backend", "os");

  private final OracleNamespace ns;

  OsBackendDifferentialTest(OracleNamespace ns) {
    Differential.requirePython();
    this.ns = ns;
  }

  @Test
  void getaddrinfoCorpusMatchesPython() throws IOException {
    List<String> corpus = GetaddrinfoCorpus.generate();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(5000);
    List<String> diffs = Differential.batch(ns, "getaddrinfo", corpus, OS);
    Differential.report("os getaddrinfo corpus", corpus.size(), diffs);
    assertThat(diffs).isEmpty();
  }

  @Test
  void referenceCasesMatchPython() throws IOException {
    Map<String, List<String>> byFunc = referenceCalls(ns);
    int calls = byFunc.values().stream().mapToInt(List::size).sum();
    assertThat(calls).isGreaterThan(90);
    List<String> diffs = new ArrayList<>();
    for (var e : byFunc.entrySet()) {
      diffs.addAll(Differential.batch(ns, e.getKey(), e.getValue(), OS));
    }
    Differential.report("os reference cases", calls, diffs);
    assertThat(diffs).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn",
      "getnameinfo"})
  void hostFunctionsMatchPython(String func) throws IOException {
    List<String> calls = hostCalls(func);
    List<String> diffs = Differential.batch(ns, func, calls, OS);
    Differential.report("os " + func, calls.size(), diffs);
    assertThat(diffs).isEmpty();
  }

  /**
   * Converts §6a and §6b to batch lines with {@code reference_calls.py}, grouped by function;
   * cases whose arguments JSON cannot carry (bytes where no packed address is taken) are left
   * out and printed.
   */
  static Map<String, List<String>> referenceCalls(OracleNamespace ns) throws IOException {
    StringBuilder expressions = new StringBuilder();
    ReferenceCases.all().forEach(c -> expressions.append(c.expression()).append('\n'));
    CommandResult r = ns.run(List.of(Differential.PYTHON, Differential.repoRoot()
        .resolve("netdb-cli/src/test/resources/dev/netdb/cli/reference_calls.py").toString()),
        expressions.toString(), Differential.repoRoot());
    if (r.exit() != 0) {
      throw new IllegalStateException("reference_calls.py failed: " + r.describe());
    }
    Map<String, List<String>> byFunc = new LinkedHashMap<>();
    for (String line : r.lines()) {
      String[] parts = line.split("\t", 2);
      if (parts[1].startsWith("#")) {
        System.out.println("[differential] reference case not expressible as JSON: " + line);
      } else {
        byFunc.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
      }
    }
    return byFunc;
  }

  /** Returns the names and addresses the host functions are asked about. */
  static List<String> hostArguments() {
    Set<String> args = new LinkedHashSet<>();
    GetaddrinfoCorpus.HOSTS.stream().filter(Objects::nonNull).forEach(args::add);
    args.addAll(List.of(TestZone.PTR_ONE_V4, TestZone.PTR_ONE_V6, TestZone.PTR_TWO_V4,
        TestZone.PTR_TWO_V6, TestZone.PTR_NONE_V4, "2001:db8::99", TestZone.LOOP2,
        TestZone.DANGLING_TARGET, TestZone.PTR_TWO_NAMES.get(1)));
    args.addAll(TestZone.HOST_V4);
    args.addAll(TestZone.DUAL_V4);
    args.addAll(TestZone.DUAL_V6);
    args.addAll(List.of(TestZone.V4ONLY_ADDRESS, TestZone.V6ONLY_ADDRESS, TestZone.IDNA_ADDRESS,
        TestZone.WILDCARD_V4, TestZone.ENT_CHILD_ADDRESS));
    for (String line : OracleNamespace.fixtureHosts().split("\n")) {
      String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
      if (fields.length > 0 && !fields[0].isEmpty()) {
        args.addAll(List.of(fields));
      }
    }
    return List.copyOf(args);
  }

  /** Returns the batch lines for one host function. */
  static List<String> hostCalls(String func) {
    List<String> calls = new ArrayList<>();
    if (func.equals("getfqdn")) {
      calls.add("[]");
    }
    for (String arg : hostArguments()) {
      StringBuilder quoted = new StringBuilder();
      JsonWriter.string(quoted, arg);
      String q = quoted.toString();
      if (!func.equals("getnameinfo")) {
        calls.add("[" + q + "]");
        continue;
      }
      // Ports 80 and 53 (a udp-only name differs with NI_DGRAM), plain and with each flag.
      for (String flags : List.of("0", "\"NI_NAMEREQD\"", "\"NI_NOFQDN\"", "\"NI_NUMERICHOST\"",
          "\"NI_NUMERICSERV|NI_DGRAM\"", "\"NI_NOFQDN|NI_NAMEREQD\"")) {
        calls.add("[[" + q + ", 80], " + flags + "]");
      }
      calls.add("[[" + q + ", 53, 0, 0], 0]");
      calls.add("[[" + q + ", 53, 0, 1], \"NI_DGRAM\"]");
    }
    return calls;
  }
}
