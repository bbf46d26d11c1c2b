package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.HostEntry;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every {@link HostileScenario} against glibc: the same fake server runs in-process for the
 * pure-Java back end and inside the oracle namespace on 127.0.0.2:53 for {@code /usr/bin/python3}
 * (resolv.conf {@code nameserver 127.0.0.2}, {@code options attempts:2 timeout:1}), and each
 * scenario's name goes through {@code getaddrinfo} on its three glibc paths (AF_INET, AF_UNSPEC,
 * AF_INET with AI_CANONNAME) and {@code gethostbyname_ex}; both must print the same, except where
 * netdb is stricter than glibc on purpose (README), which is asserted as such. Also measures what
 * CPython does when the process is out of descriptors. Skipped (failed under {@code CI=true})
 * where the namespace cannot be made.
 */
class HostileOracleTest {
  static final String RESOLV_CONF = "nameserver 127.0.0.2\noptions attempts:2 timeout:1\n";

  /** The scenarios where netdb keeps a stricter choice than glibc's, with netdb's answer. */
  static final java.util.Map<String, String> STRICTER = java.util.Map.of(
      // glibc's send_vc checks only the ID of a TCP reply and takes an answer to another question
      "tcpwrongq", "gaierror");

  record Call(String python, Supplier<Object> java) {}

  static List<Call> calls(NetDb db, String name) {
    String q = "'" + name + "'";
    return List.of(
        new Call("getaddrinfo(" + q + ", None, AF_INET, SOCK_STREAM)", () -> db.getaddrinfo(name, null, 2, 1, 0, 0)),
        new Call("getaddrinfo(" + q + ", None, 0, SOCK_STREAM)", () -> db.getaddrinfo(name, null, 0, 1, 0, 0)),
        new Call("getaddrinfo(" + q + ", None, AF_INET, SOCK_STREAM, 0, AI_CANONNAME)",
            () -> db.getaddrinfo(name, null, 2, 1, 0, 2)),
        new Call("gethostbyname_ex(" + q + ")", () -> db.gethostbynameEx(name)));
  }

  @Test
  void javaBackEndAnswersHostileServersAsGlibc(@TempDir Path dir) throws Exception {
    OracleNamespace.requireAvailable();
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(dir.resolve("resolv.conf"), RESOLV_CONF);
    Files.writeString(dir.resolve("gai.conf"), "# glibc defaults\n");
    Files.writeString(dir.resolve("host.conf"), "multi on\n");
    List<String> scenarioOf = new ArrayList<>();
    List<Call> calls = new ArrayList<>();
    List<String> java = new ArrayList<>();
    try (FakeDnsServer server = FakeDnsServer.start(HostileScenario::handle)) {
      NetDb db = NetDb.builder()
            .hostsFile(dir.resolve("hosts"))
            .resolvConf(dir.resolve("resolv.conf"))
            .gaiConf(dir.resolve("gai.conf"))
            .hostConf(dir.resolve("host.conf"))
            .nameserver(server.address())
            .hostname("testhost")
            .interfaceAddress(InetAddress.ofLiteral("127.0.0.1"), 8, 1)
            .interfaceAddress(InetAddress.ofLiteral("::1"), 128, 1)
            .cache(false)
            .build();
      for (HostileScenario s : HostileScenario.values()) {
        for (Call c : calls(db, s.hostName())) {
          scenarioOf.add(s.label);
          calls.add(c);
          java.add(outcome(c.java()));
        }
      }
      // CPython passes the name to glibc as a C string, so it ends at a NUL; netdb does the same.
      String nul = "localhost\0.evil.test";
      for (Call c : List.of(
          new Call("getaddrinfo('localhost\\x00.evil.test', None, AF_INET, SOCK_STREAM)",
              () -> db.getaddrinfo(nul, null, 2, 1, 0, 0)),
          new Call("gethostbyname_ex('localhost\\x00.evil.test')", () -> db.gethostbynameEx(nul)))) {
        scenarioOf.add("nul");
        calls.add(c);
        java.add(outcome(c.java()));
      }
    }
    List<String> python = pythonInNamespace(calls.stream().map(Call::python).toList());
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String label = scenarioOf.get(i);
      if (STRICTER.containsKey(label)) {
        assertThat(python.get(i)).as("glibc takes it: %s", calls.get(i).python()).contains("192.0.2.10");
        assertThat(java.get(i)).as("netdb refuses it: %s", calls.get(i).python()).startsWith(STRICTER.get(label));
        continue;
      }
      if (!java.get(i).equals(python.get(i))) {
        diffs.add(label + ": " + calls.get(i).python() + "\n  python: " + python.get(i) + "\n  java:   " + java.get(i));
      }
    }
    assertThat(diffs).as("%d of %d calls differ", diffs.size(), calls.size()).isEmpty();
  }

  /** CPython's error when the process has no descriptor left: measured, for the EMFILE mapping. */
  @Test
  void pythonReportsOsError24WhenOutOfDescriptors() throws Exception {
    OracleNamespace.requireAvailable();
    String py = "import os, socket\n"
        + "try:\n"
        + "    while True: os.open('/dev/null', os.O_RDONLY)\n"
        + "except OSError: pass\n"
        + "for f in (socket.AF_INET, 0):\n"
        + "    try: print(socket.getaddrinfo('good.hostile.test', None, f, socket.SOCK_STREAM))\n"
        + "    except Exception as e: print(repr(e))\n";
    CommandResult r = runWithServer("ulimit -n 64; /usr/bin/python3 -c \"$1\"", py, null);
    assertThat(r.lines()).as(r.describe()).containsExactly(
        "OSError(24, 'Too many open files')", "OSError(24, 'Too many open files')");
    assertThat(DnsError.EMFILE.errno()).isEqualTo(24);
    assertThat(DnsError.EMFILE.gaiStrerror()).isEqualTo("Too many open files");
  }

  private static List<String> pythonInNamespace(List<String> expressions) throws IOException {
    String harness;
    try (InputStream in = OracleNamespace.class.getResourceAsStream("reference_eval.py")) {
      harness = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder stdin = new StringBuilder();
    expressions.forEach(e -> stdin.append(e).append('\n'));
    CommandResult r = runWithServer("/usr/bin/python3 -c \"$1\"", harness, stdin.toString());
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.lines()).as(r.describe()).hasSize(expressions.size());
    return r.lines();
  }

  /**
   * Runs {@code command} (bash, with {@code $1} = {@code arg}) in an oracle namespace whose
   * resolv.conf names 127.0.0.2, with {@link HostileDnsMain} serving there on port 53 meanwhile.
   */
  private static CommandResult runWithServer(String command, String arg, String stdin) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = Path.of("target/test-classes").toAbsolutePath() + ":" + Path.of("target/classes").toAbsolutePath();
    String script = String.join("\n",
        "out=$(mktemp)",
        "exec 3> >(exec '" + java + "' -cp '" + cp + "' dev.netdb.dns.HostileDnsMain 127.0.0.2 53 600 >\"$out\" 2>&1)",
        "for i in $(seq 1 300); do grep -q READY \"$out\" && break; sleep 0.1; done",
        "grep -q READY \"$out\" || { cat \"$out\" >&2; exit 97; }",
        command,
        "r=$?",
        "exec 3>&-",
        "sleep 0.2",
        "exit $r");
    OracleConfig config = OracleConfig.reference().withResolvConf(RESOLV_CONF).withHosts("127.0.0.1 localhost\n");
    try (OracleNamespace ns = OracleNamespace.open(config)) {
      return ns.run(List.of("bash", "-c", script, "hostile", arg), stdin);
    }
  }

  /** Renders a result or error as reference_eval.py prints it. */
  static String outcome(Supplier<Object> call) {
    try {
      Object o = call.get();
      if (o instanceof HostEntry h) {
        return "(" + quote(h.name()) + ", " + list(h.aliases()) + ", " + list(h.addresses()) + ")";
      }
      StringJoiner j = new StringJoiner("; ", "[", "]");
      for (Object e : (List<?>) o) {
        AddrInfo a = (AddrInfo) e;
        String canon = a.canonicalName().isEmpty() ? "" : " canon=" + quote(a.canonicalName());
        String sa = a.family() == 10
            ? "(" + quote(a.host()) + ", " + a.port() + ", " + a.flowInfo() + ", " + a.scopeId() + ")"
            : "(" + quote(a.host()) + ", " + a.port() + ")";
        j.add((a.family() == 10 ? "6" : "4") + "/S/" + a.protocol() + canon + " " + sa);
      }
      return j.toString();
    } catch (NetDbException e) {
      String name = e.kind().pythonName();
      return e.code().isPresent()
          ? name + "(" + e.code().getAsInt() + ", " + quote(e.pythonMessage()) + ")"
          : name + "(" + quote(e.pythonMessage()) + ")";
    }
  }

  private static String list(List<String> l) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    l.forEach(s -> j.add(quote(s)));
    return j.toString();
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
