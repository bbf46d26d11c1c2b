package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random calls on the fixture hosts file, run by {@code /usr/bin/python3} in the oracle namespace
 * set up as the reference's "dual" network with {@code hosts: files} (no DNS), and by the Python
 * layer on the pure-Java back end with the same network injected; the two must print the same.
 * Three scenarios: the reference, gai.conf {@code precedence ::ffff:0:0/96 100}, and host.conf
 * {@code multi off}. Skipped (failed under {@code CI=true}) where the namespace cannot be made.
 */
class OracleDifferentialTest {
  private static final int CALLS = 600;

  record Call(String python, Supplier<Object> java) {}

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("reference", "# comments only\n", "multi on\n"),
        Arguments.of("gai.conf ipv4 first", "precedence ::ffff:0:0/96 100\n", "multi on\n"),
        Arguments.of("host.conf multi off", "# comments only\n", "multi off\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void javaBackEndPrintsWhatGlibcPrints(String name, String gaiConf, String hostConf) throws IOException {
    OracleNamespace.requireAvailable();
    NetDb db = Fixture.netdb(Fixture.Network.DUAL, gaiConf, hostConf);
    List<Call> calls = calls(db, new Random(name.hashCode()));
    OracleConfig config = OracleConfig.reference()
        .withNetwork(OracleConfig.Network.DUAL)
        .withNsswitchConf("hosts: files\n")
        .withGaiConf(gaiConf)
        .withHostConf(hostConf);
    CommandResult result;
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      result = ns.runBatch(List.of("/usr/bin/python3", "-c", harness()), calls.stream().map(Call::python).toList());
    }
    assertThat(result.exit()).as(result.describe()).isZero();
    List<String> lines = result.lines();
    assertThat(lines).hasSize(calls.size());
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String java = Fixture.outcome(calls.get(i).java());
      String python = lines.get(i);
      // No exception for herror codes: CPython reports the thread's leftover h_errno, and the
      // calls run in the same order on one thread and one instance on both sides.
      if (!java.equals(python)) {
        diffs.add(calls.get(i).python() + "\n  python: " + python + "\n  java:   " + java);
      }
    }
    assertThat(diffs).as("%d of %d calls differ", diffs.size(), calls.size()).isEmpty();
  }

  private static final String[] NAMES = {
    "localhost", "LocalHost", "localhost.", "testhost", "th", "TestHost.Example.ORG", "ip6-localhost",
    "ip6-loopback", "ip6-localnet", "ip6-allnodes", "multi.example", "multi-alias1", "multi-alias2",
    "multi6", "upper", "UPPER.example.net", "dup.example", "dup2", "v4only.example", "v6only.example",
    "scoped.example", "bad-entry-trailing", "hexaddr.example", "xn--bcher-kva.example",
    "dotted.example.", "dotted.example", "strasse.example", "nosuch.invalid", "127.0.0.1", "::1",
    "127.1", "0x7f.1", "::ffff:192.0.2.10", "fe80::1%lo", "fe80::1%1", "10.0.0.1", "192.0.2.11", "",
  };
  private static final String[] PORTS = {"80", "'http'", "'amqp'", "None", "0", "'tftp'", "''", "'domain'", "70000"};
  private static final String[] FAMILIES = {"0", "AF_INET", "AF_INET6"};
  private static final int[] FAMILY_VALUES = {0, 2, 10};
  private static final String[] TYPES = {"0", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW"};
  private static final int[] TYPE_VALUES = {0, 1, 2, 3};
  private static final String[] FLAG_NAMES = {"AI_PASSIVE", "AI_CANONNAME", "AI_NUMERICHOST", "AI_V4MAPPED", "AI_ALL", "AI_ADDRCONFIG", "AI_NUMERICSERV"};
  private static final int[] FLAG_VALUES = {1, 2, 4, 8, 16, 32, 1024};

  private static List<Call> calls(NetDb db, Random rnd) {
    List<Call> out = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      String name = NAMES[rnd.nextInt(NAMES.length)];
      String pyName = "'" + name + "'";
      switch (rnd.nextInt(6)) {
        case 0 -> out.add(new Call("gethostbyname_ex(" + pyName + ")", () -> db.gethostbynameEx(name)));
        case 1 -> out.add(new Call("gethostbyaddr(" + pyName + ")", () -> db.gethostbyaddr(name)));
        case 2 -> out.add(new Call("gethostbyname(" + pyName + ")", () -> db.gethostbyname(name)));
        default -> {
          boolean nullHost = rnd.nextInt(10) == 0;
          String port = PORTS[rnd.nextInt(PORTS.length)];
          int f = rnd.nextInt(3);
          int t = rnd.nextInt(4);
          StringBuilder flagText = new StringBuilder("0");
          int flags = 0;
          for (int k = 0; k < FLAG_NAMES.length; k++) {
            if (rnd.nextInt(5) == 0) {
              flagText.append("|").append(FLAG_NAMES[k]);
              flags |= FLAG_VALUES[k];
            }
          }
          String host = nullHost ? null : name;
          String javaPort = port.equals("None") ? null : port.replace("'", "");
          int fl = flags;
          out.add(new Call(
              "getaddrinfo(" + (nullHost ? "None" : pyName) + ", " + port + ", " + FAMILIES[f] + ", " + TYPES[t]
                  + ", 0, " + flagText + ")",
              () -> db.getaddrinfo(host, javaPort, FAMILY_VALUES[f], TYPE_VALUES[t], 0, fl)));
        }
      }
    }
    return out;
  }

  private static String harness() throws IOException {
    try (InputStream in = OracleNamespace.class.getResourceAsStream("reference_eval.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
