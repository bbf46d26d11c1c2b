package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.CommandResult;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.TestZone;
import dev.netdb.testing.ZoneFile;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's leftover {@code h_errno} (see {@code dev.netdb.ThreadHErrno}): sequences of host calls
 * (every kind of the measured table: getaddrinfo on each family path for names answered by the
 * hosts file, by DNS, NXDOMAIN, NODATA, one family only, CNAMEs, loops, names never sent, numeric
 * hosts, the null and empty host, a bad service; gethostbyname, gethostbyname_ex, gethostbyaddr,
 * getnameinfo and getfqdn on known and unknown names and addresses), each followed by probes whose
 * {@code herror} code is whatever the thread holds: {@code gethostbyname_ex('<broadcast>')}
 * ({@code nss_dns} refuses the name before any query) and, under {@code hosts: files}, {@code
 * gethostbyaddr} of an unknown address ({@code nss_files} fills only {@code h_errnop}). Python
 * ({@link HErrnoSteps#DRIVER}) and the OS back end ({@link HErrnoStepsMain}) run in one thread in
 * the oracle namespace; the java back end runs in-process, in one thread, against a private NSD
 * with the same zones (or without DNS, for {@code hosts: files}).
 */
class HErrnoNamespaceTest {
  private static final String BROADCAST = "ghbnex\t<broadcast>";
  private static final String UNKNOWN_ADDRESS = "ghba\t198.51.100.77";
  private static final int[][] PATHS = {{0, 0}, {2, 0}, {10, 0}, {0, 2}, {2, 2}, {10, 2}, {10, 8}, {10, 24}};

  @TempDir Path dir;

  /** One scenario: the namespace's set-up, the steps, the probes after each. */
  record Scenario(String name, OracleConfig config, String resolvConf, List<ZoneFile> zones,
      boolean filesOnly, List<String> steps, List<String> probes) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<String> steps(List<String> names, List<String> addresses) {
    List<String> out = new ArrayList<>();
    out.add("gai\t127.0.0.1\t0\t0"); // numeric: the probes after it see a fresh thread's 0
    for (String n : names) {
      for (int[] p : PATHS) {
        out.add("gai\t" + n + "\t" + p[0] + "\t" + p[1]);
      }
      out.add("ghbn\t" + n);
      out.add("ghbnex\t" + n);
      out.add("ghba\t" + n);
    }
    for (String a : addresses) {
      out.add("ghba\t" + a);
      for (int flags : new int[] {0, 8, 1}) { // 0, NI_NAMEREQD, NI_NUMERICHOST
        out.add("gni\t" + a + "\t" + flags);
      }
    }
    out.add("ghba\t<broadcast>");
    out.add("fqdn");
    out.add("fqdn\t" + TestZone.NXDOMAIN);
    out.add("gai\t1.2.3.4\t0\t0");
    out.add("gai\tNone\t0\t1\t80");
    out.add("gai\tlocalhost\t0\t0\tnosuchsvc");
    out.add("gai\t" + TestZone.DUAL + "\t0\t0\tnosuchsvc");
    return out;
  }

  static Stream<Arguments> scenarios() {
    List<String> names = List.of("localhost", "v4only.example", "v6only.example", TestZone.DUAL,
        TestZone.NXDOMAIN, TestZone.NODATA, TestZone.V4ONLY, TestZone.V6ONLY, "nosuchlabel",
        "a b." + TestZone.ZONE, TestZone.WWW, TestZone.DANGLING, TestZone.LOOP1, TestZone.WILDCARD_MATCH,
        TestZone.EMPTY_NON_TERMINAL, "1.2.3.400", "<BROADCAST>", "");
    List<String> addresses = List.of("127.0.0.1", TestZone.PTR_ONE_V4, "198.51.100.77", "192.0.2.10", "::1",
        "2001:db8::99", TestZone.PTR_NONE_V4, "255.255.255.255");
    List<String> search = List.of("host", "nosuch", "nodata", "v4only", "v6only", "loop1", "leaf.ent",
        "ent", "nosuch.sub", "x." + TestZone.SERVFAIL_ZONE, "x.refused.test", "nosuch.");
    List<ZoneFile> noRoot = new ArrayList<>(TestZone.zones());
    noRoot.add(TestZone.servfailZone());
    String searchConf = "nameserver 127.0.0.1\nsearch servfail.test example.test\noptions attempts:1 timeout:1\n";
    String refusedConf = "nameserver 127.0.0.1\nsearch refused.test example.test\noptions attempts:1 timeout:1\n";
    return Stream.of(
        new Scenario("files-dns", OracleConfig.reference(), OracleConfig.RESOLV_CONF,
            TestZone.zonesWithRoot(), false, steps(names, addresses), List.of(BROADCAST)),
        new Scenario("search-servfail-then-zone", OracleConfig.reference().withZones(noRoot)
            .withResolvConf(searchConf), searchConf, noRoot, false, steps(search, List.of()), List.of(BROADCAST)),
        new Scenario("search-refused-then-zone", OracleConfig.reference().withZones(noRoot)
            .withResolvConf(refusedConf), refusedConf, noRoot, false, steps(search, List.of()), List.of(BROADCAST)),
        new Scenario("hosts-files", OracleConfig.reference().withNsswitchConf("hosts: files\n"), null, null,
            true, steps(names, addresses), List.of(UNKNOWN_ADDRESS, BROADCAST)))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void bothBackEndsLeaveWhatPythonLeaves(Scenario s) throws IOException {
    OracleNamespace.requireAvailable();
    List<String> steps = HErrnoSteps.withProbes(s.steps(), s.probes());
    List<String> python;
    List<String> os;
    try (OracleNamespace ns = OracleNamespace.open(s.config())) {
      CommandResult py = ns.runBatch(List.of("/usr/bin/python3", "-c", HErrnoSteps.DRIVER),
          steps.stream().map(HErrnoSteps::python).toList());
      assertThat(py.exit()).as(py.describe()).isZero();
      python = py.lines();
      String java = ProcessHandle.current().info().command().orElse("java");
      String cp = Path.of("target/test-classes").toAbsolutePath() + ":"
          + Path.of("target/classes").toAbsolutePath() + ":" + System.getProperty("java.class.path");
      CommandResult o = ns.runBatch(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", cp,
          HErrnoStepsMain.class.getName()), steps);
      assertThat(o.exit()).as(o.describe()).isZero();
      os = o.lines();
    }
    List<String> javaBackend = new ArrayList<>();
    if (s.filesOnly()) {
      NetDb db = Fixture.netdb(Fixture.Network.DUAL);
      steps.forEach(step -> javaBackend.add(HErrnoSteps.run(db, step)));
    } else {
      try (NsdServer nsd = NsdServer.start(s.zones())) {
        Files.writeString(dir.resolve("hosts"), OracleNamespace.fixtureHosts());
        Files.writeString(dir.resolve("resolv.conf"), s.resolvConf().replaceAll("(?m)^nameserver.*\n", ""));
        try (NetDb db = NetDb.builder().hostsFile(dir.resolve("hosts")).resolvConf(dir.resolve("resolv.conf"))
            .hostConf(dir.resolve("none")).gaiConf(dir.resolve("none")).nameserver(nsd.ipv4())
            .hostname("testhost").cache(false).answerCache(false)
            .interfaceAddress(InetAddress.ofLiteral("127.0.0.1"), 8, 1)
            .interfaceAddress(InetAddress.ofLiteral("::1"), 128, 1).build()) {
          steps.forEach(step -> javaBackend.add(HErrnoSteps.run(db, step)));
        }
      }
    }
    assertThat(python).hasSameSizeAs(steps);
    List<String> diffs = new ArrayList<>();
    int probes = 0;
    java.util.Set<String> probed = new java.util.TreeSet<>();
    for (int i = 0; i < steps.size(); i++) {
      if (s.probes().contains(steps.get(i))) {
        probes++;
        probed.add(python.get(i));
      }
      String py = python.get(i);
      String o = i < os.size() ? os.get(i) : "<missing>";
      String j = javaBackend.get(i);
      if (!py.equals(o) || !py.equals(j)) {
        diffs.add(i + " " + steps.get(i).replace('\t', ' ') + " (after " + steps.get(Math.max(0, i - 1))
            .replace('\t', ' ') + "): python " + py + ", os " + o + ", java " + j);
      }
    }
    System.out.println("[differential] h_errno " + s.name() + ": " + steps.size() + " calls (" + probes
        + " probes: " + probed + ") compared on both back ends, " + diffs.size() + " differences");
    // The probes see different leftovers, so they would notice an effect applied wrongly.
    assertThat(probed).hasSizeGreaterThanOrEqualTo(2);
    diffs.stream().limit(60).forEach(d -> System.out.println("  " + d));
    assertThat(diffs).as("%d differences", diffs.size()).isEmpty();
  }
}
