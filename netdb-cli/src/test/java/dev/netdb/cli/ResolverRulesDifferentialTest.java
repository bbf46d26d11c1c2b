package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.TestZone;
import dev.netdb.testing.ZoneFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's fidelity suite: glibc's rules before and between DNS queries, as classes of named
 * rows, each asked through every family path of {@code getaddrinfo} (AF_UNSPEC, AF_INET,
 * AF_INET6, AF_INET6 with AI_V4MAPPED and with AI_V4MAPPED|AI_ALL, each with and without
 * AI_CANONNAME) and through {@code gethostbyname}, {@code gethostbyname_ex} and {@code
 * gethostbyaddr}. Python ({@code tools/oracle.py}) runs in an oracle namespace whose NSD serves
 * {@link TestZone#zones()} plus {@link TestZone#servfailZone()} and no root zone, so a search
 * candidate ends in NXDOMAIN (under {@value TestZone#ZONE}), SERVFAIL (under {@value
 * TestZone#SERVFAIL_ZONE}) or REFUSED (anywhere else); each scenario is one resolv.conf search
 * list. The OS back end runs as the CLI in the same namespace; the java back end runs in-process
 * against a private NSD on loopback serving the same zones, with the same resolv.conf.
 *
 * <p>The classes (their rows come from glibc's {@code res_hnok} and {@code ns_name_pton} rules,
 * glibc's {@code resolv/tst-res_hnok.c}, CPython's {@code test_host_resolution_bad_address} in
 * {@code Lib/test/test_socket.py}, and Go's {@code src/net/dnsname_test.go}):
 *
 * <ul>
 *   <li>{@code never-sent}: names glibc rejects before sending anything;
 *   <li>{@code sent}: near misses that glibc does send;
 *   <li>{@code numeric}: digits-and-dots forms that are not addresses;
 *   <li>{@code search}: mixed NXDOMAIN/NODATA/SERVFAIL/REFUSED outcomes across the search list;
 *   <li>{@code broadcast}: {@code '<broadcast>'} and its address;
 *   <li>{@code leftover}: {@code gethostbyname_ex('<broadcast>')} after every row's {@code
 *       gethostbyname_ex} in the same batch, whose {@code herror} code is the {@code h_errno} that
 *       row left on the thread (CPython's {@code set_herror(h_errno)} reads the global; the java
 *       back end's batch runs concurrently and still applies the effects in input order).
 * </ul>
 */
class ResolverRulesDifferentialTest {
  private static final Path WORK = Path.of("target/differential/rules");

  /** One named row: a class, the rule it exercises and the host argument. */
  record Row(String cls, String rule, String host) {}

  /** One search-list scenario: a resolv.conf and the rows asked under it. */
  record Scenario(String name, String resolvConf, List<Row> rows, boolean rootZone) {
    Scenario(String name, String resolvConf, List<Row> rows) {
      this(name, resolvConf, rows, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String WILD = "wild." + TestZone.ZONE;

  /** Rows asked in the first scenario only: they do not depend on the search list. */
  static List<Row> nameRows() {
    String l63a = "a".repeat(63);
    String l63b = "b".repeat(63);
    String l63c = "c".repeat(63);
    return List.of(
        new Row("never-sent", "nul-escape-in-label", "a\\000b." + WILD),
        new Row("never-sent", "nul-escape-alone", "\\000." + WILD),
        new Row("never-sent", "space-in-label", "a b." + WILD),
        new Row("never-sent", "tab-in-label", "a\tb." + WILD),
        new Row("never-sent", "del-in-label", "a\u007fb." + WILD),
        new Row("never-sent", "idna-result-with-space", "\u00fc b." + WILD),
        new Row("never-sent", "bang-in-label", "a!b." + WILD),
        new Row("never-sent", "star-label", "*." + WILD),
        new Row("never-sent", "slash-in-label", "a/b." + WILD),
        new Row("never-sent", "leading-dash", "-x." + WILD),
        new Row("never-sent", "backslash-escaped-dot", "a\\.b." + WILD),
        new Row("never-sent", "backslash-escaped-space", "a\\ b." + WILD),
        new Row("never-sent", "backslash-decimal-over-255", "\\256." + WILD),
        new Row("never-sent", "backslash-short-decimal", "a\\09." + WILD),
        new Row("never-sent", "backslash-dangling", WILD + "\\"),
        new Row("never-sent", "backslash-alone", "\\"),
        new Row("never-sent", "label-over-63", "a".repeat(64) + "." + TestZone.ZONE),
        new Row("never-sent", "name-wire-256", l63a + "." + l63b + "." + l63c + "." + "d".repeat(49)
            + "." + TestZone.ZONE),
        new Row("never-sent", "name-over-255", (l63a + ".").repeat(4) + WILD),
        new Row("never-sent", "empty-label", "a.." + TestZone.ZONE),
        new Row("never-sent", "leading-empty-label", "." + TestZone.ZONE),
        new Row("never-sent", "root-only", "."),
        // glibc resolv/tst-res_hnok.c
        new Row("never-sent", "at-sign", "hostmaster@mail." + WILD),
        new Row("never-sent", "double-star", "**." + WILD),
        new Row("never-sent", "newline-in-label", "with\nwhitespace." + WILD),
        new Row("never-sent", "trailing-space", WILD + " "),
        new Row("never-sent", "escaped-tab", "with\\\twhitespace." + WILD),
        new Row("never-sent", "dash-only", "-"),
        new Row("never-sent", "dash-only-label", "-." + WILD),
        // CPython Lib/test/test_socket.py test_host_resolution_bad_address
        new Row("never-sent", "tilde-in-dotted-quad", "0.1.1.~1"),
        new Row("never-sent", "plus-in-dotted-quad", "1+.1.1.1"),
        new Row("never-sent", "ipv6-trailing-letter", "::1q"),
        new Row("never-sent", "ipv6-two-double-colons", "::1::2"),
        new Row("never-sent", "ipv6-nine-groups", "1:1:1:1:1:1:1:1:1"),
        new Row("sent", "underscore-in-label", "a_b." + WILD),
        new Row("sent", "inner-leading-dash", "x.-y." + WILD),
        new Row("sent", "trailing-dash", "x-." + WILD),
        new Row("sent", "backslash-escaped-letter", "\\abc." + WILD),
        new Row("sent", "backslash-decimal-letter", "\\097bc." + WILD),
        new Row("sent", "backslash-escaped-host", "\\host." + TestZone.ZONE),
        new Row("sent", "name-wire-255", l63a + "." + l63b + "." + l63c + "." + "d".repeat(48)
            + "." + TestZone.ZONE),
        new Row("sent", "trailing-dot", TestZone.HOST + "."),
        new Row("sent", "mixed-case", "HoSt." + TestZone.ZONE.toUpperCase()),
        new Row("sent", "label-ending-in-dash", "www-." + WILD),
        new Row("sent", "second-label-leading-dash", "www.-" + WILD),
        new Row("sent", "label-of-63", "z".repeat(63) + "." + WILD),
        new Row("sent", "digits-trailing-dot", "1.2.3.4.5."),
        // Go src/net/dnsname_test.go (Go's isDomainName rejects the dash rows; glibc sends them)
        new Row("sent", "service-labels-with-underscores", "_xmpp-server._tcp." + WILD),
        new Row("sent", "digit-labels-under-a-name", "26.0.0.73." + WILD),
        new Row("sent", "dashes-between-digits", "10-0-0-1"),
        new Row("sent", "inner-label-ending-in-dash", "a.b-." + WILD),
        new Row("sent", "name-ending-in-dash", "a." + WILD + "-"),
        new Row("numeric", "dotted-quad-out-of-range", "1.2.3.400"),
        new Row("numeric", "dotted-quad-first-over-255", "256.1.1.1"),
        new Row("numeric", "dotted-five-parts", "1.2.3.4.5"),
        new Row("numeric", "dotted-quad-trailing-dot", "1.2.3.4."),
        new Row("numeric", "dotted-out-of-range-trailing-dot", "1.2.3.400."),
        new Row("numeric", "integer-over-32-bits", "4294967296"),
        new Row("numeric", "dotted-hex-out-of-range", "1.2.3.0x100"),
        new Row("numeric", "dotted-leading-dot", ".1.2.3"),
        new Row("numeric", "dotted-double-dot", "1..2.3"),
        new Row("numeric", "dotted-octal-invalid", "1.2.3.08"),
        new Row("numeric", "ipv6-bad-group", "1::2::3"),
        new Row("numeric", "ipv6-hex-with-dots", "1:2:3:4:5:6:7:1.2.3.400"),
        new Row("broadcast", "broadcast-name", "<broadcast>"),
        new Row("broadcast", "broadcast-address", "255.255.255.255"),
        new Row("broadcast", "broadcast-name-upper", "<BROADCAST>"),
        new Row("broadcast", "empty-name", ""));
  }

  /** Rows whose answers depend on the search list. */
  static List<Row> searchRows() {
    return List.of(
        new Row("search", "no-dot-nxdomain", "nosuch"),
        new Row("search", "no-dot-found", "host"),
        new Row("search", "no-dot-nodata", "nodata"),
        new Row("search", "no-dot-v6only", "v6only"),
        new Row("search", "no-dot-v4only", "v4only"),
        new Row("search", "no-dot-cname-loop", "loop1"),
        new Row("search", "dotted-nxdomain", "nosuch.sub"),
        new Row("search", "dotted-found", "leaf.ent"),
        new Row("search", "dotted-ent", "ent"),
        new Row("search", "trailing-dot-refused", "nosuch."),
        new Row("search", "fqdn-nxdomain", TestZone.NXDOMAIN),
        new Row("search", "fqdn-servfail", "x." + TestZone.SERVFAIL_ZONE),
        new Row("search", "fqdn-refused", "x.refused.test"));
  }

  static Stream<Arguments> scenarios() {
    String head = "nameserver 127.0.0.1\n";
    String tail = "options attempts:1 timeout:1\n";
    List<Row> first = new ArrayList<>(nameRows());
    first.addAll(searchRows());
    return Stream.of(
        new Scenario("search-nxdomain-then-servfail",
            head + "search example.test servfail.test\n" + tail, first),
        new Scenario("search-servfail-then-nxdomain",
            head + "search servfail.test example.test\n" + tail, searchRows()),
        new Scenario("search-refused-then-nxdomain",
            head + "search refused.test example.test\n" + tail, searchRows()),
        new Scenario("search-nxdomain-then-refused",
            head + "search example.test refused.test\n" + tail, searchRows()),
        new Scenario("search-ndots2-servfail-refused",
            head + "search servfail.test refused.test example.test\noptions ndots:2\n" + tail,
            searchRows()),
        new Scenario("no-search-list", head + tail, searchRows()),
        // The reference namespace: a root zone, so every other name is NXDOMAIN, no search list.
        new Scenario("reference-root-zone", head + tail, first, true))
        .map(Arguments::of);
  }

  private static NsdServer nsd;
  private static NsdServer nsdWithRoot;

  @BeforeAll
  static void startNsd() throws IOException {
    Differential.requirePython();
    OracleNamespace.requireAvailable();
    nsd = NsdServer.start(zones(false));
    nsdWithRoot = NsdServer.start(zones(true));
  }

  @AfterAll
  static void stopNsd() {
    if (nsd != null) {
      nsd.close();
    }
    if (nsdWithRoot != null) {
      nsdWithRoot.close();
    }
  }

  static List<ZoneFile> zones(boolean rootZone) {
    List<ZoneFile> z = new ArrayList<>(TestZone.zones());
    z.add(TestZone.servfailZone());
    if (rootZone) {
      z.add(TestZone.rootZone());
    }
    return z;
  }

  /** The family paths of getaddrinfo, as batch-line fields (family, flags). */
  private static final List<String[]> FAMILY_PATHS = List.of(
      new String[] {"AF_UNSPEC", "0"},
      new String[] {"AF_UNSPEC", "\"AI_CANONNAME\""},
      new String[] {"AF_INET", "0"},
      new String[] {"AF_INET", "\"AI_CANONNAME\""},
      new String[] {"AF_INET6", "0"},
      new String[] {"AF_INET6", "\"AI_CANONNAME\""},
      new String[] {"AF_INET6", "\"AI_V4MAPPED\""},
      new String[] {"AF_INET6", "\"AI_V4MAPPED|AI_CANONNAME\""},
      new String[] {"AF_INET6", "\"AI_V4MAPPED|AI_ALL\""},
      new String[] {"AF_INET6", "\"AI_V4MAPPED|AI_ALL|AI_CANONNAME\""});

  /** One call: its row, the function and the batch line. */
  record Call(Row row, String func, String line) {}

  static List<Call> calls(List<Row> rows) {
    List<Call> out = new ArrayList<>();
    for (Row r : rows) {
      StringBuilder q = new StringBuilder();
      JsonWriter.string(q, r.host());
      String host = q.toString();
      for (String[] p : FAMILY_PATHS) {
        String family = p[0].equals("AF_UNSPEC") ? "0" : "\"" + p[0] + "\"";
        out.add(new Call(r, "getaddrinfo",
            "[" + host + ", null, " + family + ", \"SOCK_STREAM\", 0, " + p[1] + "]"));
      }
      for (String f : List.of("gethostbyname", "gethostbyname_ex", "gethostbyaddr")) {
        out.add(new Call(r, f, "[" + host + "]"));
        if (f.equals("gethostbyname_ex")) {
          out.add(new Call(new Row("leftover", "after-" + r.rule(), "<broadcast>"), f, "[\"<broadcast>\"]"));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void bothBackEndsMatchPython(Scenario scenario) throws IOException {
    List<Call> calls = calls(scenario.rows());
    Map<String, List<Call>> byFunc = new LinkedHashMap<>();
    calls.forEach(c -> byFunc.computeIfAbsent(c.func(), k -> new ArrayList<>()).add(c));
    OracleConfig config = OracleConfig.reference().withZones(zones(scenario.rootZone()))
        .withResolvConf(scenario.resolvConf());
    Path resolv = Files.createDirectories(WORK).resolve(scenario.name() + ".resolv.conf");
    Files.writeString(resolv, scenario.resolvConf());

    Map<String, int[]> counts = new TreeMap<>();
    List<String> diffs = new ArrayList<>();
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      for (var e : byFunc.entrySet()) {
        String func = e.getKey();
        List<String> lines = e.getValue().stream().map(Call::line).toList();
        CommandResult python = ns.runBatch(Differential.oracle(func), lines, Differential.repoRoot());
        if (python.exit() != 0) {
          throw new IllegalStateException("oracle.py " + func + " failed: " + python.describe());
        }
        CommandResult os = ns.runBatch(Differential.cli("--json", "--backend", "os", func, "-"), lines,
            Differential.repoRoot());
        if (os.exit() != 0 && os.exit() != 2) {
          throw new IllegalStateException("netdb --backend os failed: " + os.describe());
        }
        List<String> java = runJava(func, lines, resolv, scenario.rootZone() ? nsdWithRoot : nsd);
        for (int i = 0; i < lines.size(); i++) {
          Call c = e.getValue().get(i);
          String p = line(python.lines(), i);
          compareOne(counts, diffs, "os", c, p, line(os.lines(), i));
          compareOne(counts, diffs, "java", c, p, line(java, i));
        }
      }
    }
    counts.forEach((k, v) -> System.out.println("[differential] rules " + scenario.name() + " " + k
        + ": " + v[0] + " compared, " + v[1] + " differences"));
    diffs.stream().limit(80).forEach(d -> System.out.println("  " + d));
    assertThat(diffs).as("%d differences", diffs.size()).isEmpty();
  }

  private static String line(List<String> lines, int i) {
    return i < lines.size() ? lines.get(i) : "<missing>";
  }

  private static void compareOne(Map<String, int[]> counts, List<String> diffs, String backend,
      Call c, String python, String netdb) {
    int[] n = counts.computeIfAbsent(c.row().cls() + " " + backend, k -> new int[2]);
    n[0]++;
    if (!python.equals(netdb)) {
      n[1]++;
      diffs.add(backend + " " + c.row().cls() + "/" + c.row().rule() + ": " + c.func() + " "
          + c.line() + "\n    python: " + python + "\n    netdb:  " + netdb);
    }
  }

  /** Runs the java back end in-process against the private NSD with the scenario's resolv.conf. */
  private static List<String> runJava(String func, List<String> lines, Path resolv, NsdServer nsd)
      throws IOException {
    Path hosts = Files.writeString(WORK.resolve("hosts"), OracleNamespace.fixtureHosts());
    Path gai = Files.writeString(WORK.resolve("gai.conf"), "# glibc defaults\n");
    // Network safety: the java back end gets a resolv.conf naming only 127.0.0.1 and the loopback
    // NSD's port; it never sees the system's resolv.conf.
    String[] args = {"--json", "--backend", "java", "--hosts", hosts.toString(),
        "--resolv-conf", resolv.toString(), "--gai-conf", gai.toString(),
        "--nameserver", "127.0.0.1:" + nsd.port(), "--no-cache", "--hostname", "testhost",
        "--interface", "127.0.0.1/8%1", "--interface", "::1/128%1", func, "-"};
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new Cli(new StringReader(String.join("\n", lines) + "\n"), out, err,
        BackendFactory::create).run(args);
    if (status != 0 && status != 2) {
      throw new IllegalStateException("netdb java exited " + status + ": " + err);
    }
    return out.toString().lines().toList();
  }
}
