package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9's "done when": inside the oracle namespace, {@code netdb --backend java --json explain
 * NAME} lists the DNS queries in the order glibc sends them, and its OS comparison says the two
 * back ends agree. glibc's order is not assumed: Python's {@code getaddrinfo(NAME, None)} runs
 * under {@code strace} in the same namespace, and every DNS query it writes to a socket (decoded
 * from the bytes of {@code send}/{@code sendto}/{@code sendmmsg}, the server from the socket's
 * {@code connect}) is compared with the trace's query steps: name, type and server, in order.
 */
class ExplainNamespaceTest {
  private static final String SEARCH = "search sub.example.test example.test\n"
      + "nameserver 127.0.0.1\noptions attempts:1 timeout:1\n";
  /** The first server never answers: a socket on 127.0.0.2:53 that reads nothing. */
  private static final String DEAD_FIRST = "nameserver 127.0.0.2\nnameserver 127.0.0.1\n"
      + "options attempts:1 timeout:1\n";
  private static final String SINK = "import socket,time\n"
      + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('127.0.0.2',53))\ntime.sleep(60)\n";

  /**
   * One scenario.
   *
   * @param name what the row shows
   * @param host the name looked up
   * @param resolvConf the namespace's resolv.conf
   * @param sink whether a silent server listens on 127.0.0.2:53
   * @param queries how many queries glibc sends (checked so that a row cannot pass empty)
   */
  record Scenario(String name, String host, String resolvConf, boolean sink, int queries) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("single label under a search list", "www", SEARCH, false, 4),
        new Scenario("name with a dot, missing", "missing.example.test", SEARCH, false, 6),
        new Scenario("hosts-file name", "v4only.example", OracleConfig.RESOLV_CONF, false, 0),
        new Scenario("first server times out", "www.example.test", DEAD_FIRST, true, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void queriesInGlibcOrderAndTheOsAgrees(Scenario s) throws IOException {
    Differential.requirePython();
    dev.netdb.testing.Requirements.require(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/strace")),
        "/usr/bin/strace missing (scripts/install-test-deps installs it)");
    try (OracleNamespace ns = OracleNamespace.open(OracleConfig.reference().withResolvConf(s.resolvConf()))) {
      StringBuilder script = new StringBuilder();
      if (s.sink()) {
        script.append(Differential.PYTHON).append(" -c ").append(quote(SINK)).append(" & sink=$!; sleep 0.5; ");
      }
      script.append("strace -f -qq -xx -s 4096 -e trace=connect,send,sendto,sendmmsg ")
          .append(Differential.PYTHON).append(" -c ")
          .append(quote("import socket,sys\ntry: socket.getaddrinfo(sys.argv[1], None)\nexcept OSError: pass\n"))
          .append(' ').append(quote(s.host())).append(" >/dev/null; ");
      script.append(Differential.cli("--backend", "java", "--json", "explain", s.host()).stream()
          .map(ExplainNamespaceTest::quote).collect(Collectors.joining(" ")));
      script.append("; status=$?");
      if (s.sink()) {
        script.append("; kill $sink");
      }
      script.append("; exit $status");
      CommandResult r = ns.run(List.of("bash", "-c", script.toString()), null);
      assertThat(r.exit()).as(r.describe()).isIn(0, 2);
      List<String> glibc = glibcQueries(r.stderr());
      assertThat(glibc).as(r.stderr()).hasSize(s.queries());

      Map<String, PyValue> doc = object(r.stdout().strip());
      List<String> mine = new ArrayList<>();
      for (PyValue step : list(doc.get("trace"))) {
        Map<String, PyValue> m = ((PyValue.PyDict) step).entries();
        if (str(m.get("step")).equals("query")) {
          assertThat(m).containsKeys("qname", "qtype", "server", "transport", "rcode", "elapsed_us");
          mine.add(str(m.get("qname")) + " " + str(m.get("qtype")) + " @" + str(m.get("server")));
        }
      }
      assertThat(mine).as(r.stdout()).containsExactlyElementsOf(glibc);
      Map<String, PyValue> os = ((PyValue.PyDict) doc.get("os")).entries();
      assertThat(os.get("agrees")).as(r.stdout()).isEqualTo(new PyValue.PyBool(true));
      assertThat(list(os.get("differences"))).isEmpty();
      // The namespace's nsswitch.conf is OracleConfig.NSSWITCH_CONF: glibc walks files, then dns.
      assertThat(r.stdout()).contains("\"route\": {\"database\": \"hosts\", \"sources\": [\"files\", \"dns\"],"
          + " \"answered_by\": \"glibc\", \"reason\": \"hosts: files dns; host lookups always go to glibc\"}");
      if (s.queries() == 0) {
        int line = fixtureLine(s.host());
        assertThat(r.stdout()).contains("{\"step\": \"hosts\", \"file\": \"/etc/hosts\", \"name\": \""
            + s.host() + "\", \"hit\": true, \"line\": " + line + "}");
      }
      if (s.sink()) {
        assertThat(r.stdout()).contains("\"server\": \"127.0.0.2:53\", \"transport\": \"udp\","
            + " \"attempt\": 1, \"outcome\": \"timeout\", \"rcode\": null");
      }
    }
  }

  /**
   * Where nsswitch.conf stops after {@code files} ({@code [NOTFOUND=return]}), glibc never asks
   * DNS for a name the hosts file lacks while netdb's java back end does: {@code explain} reports
   * the difference, the route it comes from, and names the action netdb does not model.
   */
  @org.junit.jupiter.api.Test
  void anUnmodelledNsswitchActionIsNamedWhenTheBackEndsDiffer() throws IOException {
    OracleConfig config = OracleConfig.reference().withNsswitchConf("hosts: files [NOTFOUND=return] dns\n");
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      CommandResult r = ns.run(Differential.cli("--backend", "java", "--json", "explain", "www.example.test"), null);
      assertThat(r.exit()).as(r.describe()).isZero();
      Map<String, PyValue> os = ((PyValue.PyDict) object(r.stdout().strip()).get("os")).entries();
      assertThat(os.get("agrees")).as(r.stdout()).isEqualTo(new PyValue.PyBool(false));
      assertThat(os).containsKey("error");
      assertThat(r.stdout()).contains("\"route\": {\"database\": \"hosts\","
          + " \"sources\": [\"files [NOTFOUND=return]\", \"dns\"], \"answered_by\": \"glibc\"");
      assertThat(list(os.get("differences"))).extracting(ExplainNamespaceTest::str)
          .anySatisfy(d -> assertThat(d).startsWith("java returned "))
          .contains("netdb does not model: nsswitch.conf: action [NOTFOUND=return] after files on the hosts line");
    }
  }

  /** Returns the number of the fixture hosts file's first line naming {@code host}. */
  private static int fixtureLine(String host) {
    List<String> lines = OracleNamespace.fixtureHosts().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      List<String> fields = List.of(lines.get(i).split("#")[0].trim().split("\\s+"));
      if (fields.size() > 1 && fields.subList(1, fields.size()).contains(host)) {
        return i + 1;
      }
    }
    throw new IllegalStateException(host + " is not in the fixture hosts file");
  }

  private static final Pattern CONNECT = Pattern.compile(
      "connect\\((\\d+), \\{sa_family=AF_INET, sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"((?:\\\\x[0-9a-f]{2})+)\"\\)");
  private static final Pattern SEND = Pattern.compile("^(?:\\d+\\s+)?(?:send|sendto|sendmmsg)\\((\\d+),");
  private static final Pattern BYTES = Pattern.compile("\"((?:\\\\x[0-9a-f]{2})+)\"");

  /** Returns {@code "qname qtype @server:port"} for each DNS query in strace's output, in order. */
  static List<String> glibcQueries(String strace) {
    Map<String, String> servers = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String line : strace.lines().toList()) {
      Matcher c = CONNECT.matcher(line);
      if (c.find()) {
        // -xx writes every string as hex, the address too
        String address = new String(HexFormat.of().parseHex(c.group(3).replace("\\x", "")),
            java.nio.charset.StandardCharsets.US_ASCII);
        servers.put(c.group(1), address + ":" + c.group(2));
        continue;
      }
      Matcher s = SEND.matcher(line);
      if (!s.find() || !servers.containsKey(s.group(1))) {
        continue;
      }
      Matcher b = BYTES.matcher(line);
      while (b.find()) {
        String q = question(HexFormat.of().parseHex(b.group(1).replace("\\x", "")));
        if (q != null) {
          out.add(q + " @" + servers.get(s.group(1)));
        }
      }
    }
    return out;
  }

  /** Decodes the question of a DNS query message, or null when the bytes are not one. */
  static String question(byte[] m) {
    if (m.length < 17 || (m[2] & 0x80) != 0 || m[4] != 0 || m[5] != 1) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    int i = 12;
    while (i < m.length && m[i] != 0) {
      int len = m[i] & 0xff;
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(new String(m, i + 1, Math.min(len, m.length - i - 1), java.nio.charset.StandardCharsets.US_ASCII));
      i += len + 1;
    }
    if (i + 2 >= m.length) {
      return null;
    }
    int type = (m[i + 1] & 0xff) << 8 | (m[i + 2] & 0xff);
    String t = switch (type) {
      case 1 -> "A";
      case 28 -> "AAAA";
      case 12 -> "PTR";
      default -> "TYPE" + type;
    };
    return name + " " + t;
  }

  private static Map<String, PyValue> object(String json) {
    List<PyValue> v = JsonReader.readArguments("[" + json + "]");
    assertThat(v).as(json).isNotNull().hasSize(1);
    return ((PyValue.PyDict) v.getFirst()).entries();
  }

  private static List<PyValue> list(PyValue v) {
    return v instanceof PyValue.PyList l ? l.items() : ((PyValue.PyTuple) v).items();
  }

  private static String str(PyValue v) {
    return ((PyValue.PyStr) v).value();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
