package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.LookupFailure;
import dev.netdb.AddrInfo;
import dev.netdb.HostEntry;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.PythonLayers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Python-level calls through the Python layer over the OS back end and through {@code
 * /usr/bin/python3}'s {@code socket} module, one row each.
 *
 * <p>Network safety, row by row: every host is a literal, the empty string or
 * {@code <broadcast>} (answered without a lookup), or {@code localhost} asked for with AF_INET
 * only ({@code gethostbyname}, {@code gethostbyname_ex}), which /etc/hosts answers here. No row
 * makes an AF_UNSPEC or AF_INET6 lookup of a name, and reverse lookups are of 127.0.0.1 only.
 */
@EnabledOnOs(OS.LINUX)
class PythonLayerOverOsTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  /** A Python expression and the same call on the Java side. */
  record Row(String python, Function<NetDb, String> java) {
    @Override
    public String toString() {
      return python;
    }
  }

  static List<Row> rows() {
    return List.of(
        new Row("socket.gethostbyname('127.1')", n -> n.gethostbyname("127.1")),
        new Row("socket.gethostbyname('0x7f.1')", n -> n.gethostbyname("0x7f.1")),
        new Row("socket.gethostbyname('')", n -> n.gethostbyname("")),
        new Row("socket.gethostbyname('<broadcast>')", n -> n.gethostbyname("<broadcast>")),
        new Row("socket.gethostbyname('::1')", n -> n.gethostbyname("::1")),
        new Row("socket.gethostbyname('localhost')", n -> n.gethostbyname("localhost")),
        new Row("socket.gethostbyname_ex('localhost')", n -> host(n.gethostbynameEx("localhost"))),
        new Row("socket.gethostbyname_ex('127.1')", n -> host(n.gethostbynameEx("127.1"))),
        new Row("socket.gethostbyaddr('127.0.0.1')", n -> host(n.gethostbyaddr("127.0.0.1"))),
        new Row("socket.gethostbyaddr('127.1')", n -> host(n.gethostbyaddr("127.1"))),
        new Row("socket.gethostbyaddr('')", n -> host(n.gethostbyaddr(""))),
        new Row("socket.getnameinfo(('127.0.0.1', 80), 0)", n -> ni(n.getnameinfo("127.0.0.1", 80, 0))),
        new Row(
            "socket.getnameinfo(('fe80::1', 80, 0, 1), socket.NI_NUMERICHOST)",
            n -> ni(n.getnameinfo("fe80::1", 80, 0, 1, 1))),
        new Row(
            "socket.getnameinfo(('127.0.0.1', 80, 0, 0), socket.NI_NUMERICHOST)",
            n -> ni(n.getnameinfo("127.0.0.1", 80, 0, 0, 1))),
        new Row("socket.getaddrinfo('127.0.0.1', '80')", n -> gai(n.getaddrinfo("127.0.0.1", "80", 0, 0, 0, 0))),
        new Row(
            "socket.getaddrinfo(None, 'http', 0, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)",
            n -> gai(n.getaddrinfo(null, "http", 0, 1, 0, 1))),
        new Row("socket.getservbyname('http')", n -> Integer.toString(n.getservbyname("http"))),
        new Row("socket.getservbyport(143)", n -> n.getservbyport(143)),
        new Row("socket.getservbyport(4242, 'udp')", n -> n.getservbyport(4242, "udp")),
        new Row("socket.getprotobyname('TCP')", n -> Integer.toString(n.getprotobyname("TCP"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesPython(Row row) throws IOException, InterruptedException {
    NetDb netdb = PythonLayers.over(OsBackend.create());
    String java;
    try {
      java = "ok " + row.java().apply(netdb);
    } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
      java = "err " + e.kind() + " " + e.pythonStr();
    }
    assertThat(java).isEqualTo(python(row.python()));
  }

  private static String host(HostEntry h) {
    return h.name() + " " + h.aliases() + " " + h.addresses();
  }

  private static String ni(dev.netdb.NameInfo n) {
    return n.host() + " " + n.service();
  }

  private static String gai(List<AddrInfo> list) {
    return list.stream()
        .map(a -> a.family() + "/" + a.type() + "/" + a.protocol() + "/" + a.canonicalName() + "/"
            + a.host() + "," + a.port())
        .collect(Collectors.joining(";"));
  }

  /** Evaluates one expression in a fresh Python and renders it as the Java side does. */
  private static String python(String expr) throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      assertThat(System.getenv("CI")).as("CI=true requires " + PYTHON).isNotEqualTo("true");
      Assumptions.abort(PYTHON + " is missing");
    }
    String script =
        String.join(
            "\n",
            "import socket",
            "def r(v):",
            "    if isinstance(v, str): return v",
            "    if isinstance(v, int): return str(v)",
            "    if isinstance(v, list):",
            "        return ';'.join('%d/%d/%d/%s/%s,%d' % (f, t, p, c, sa[0], sa[1])"
                + " for f, t, p, c, sa in v)",
            "    if len(v) == 2: return '%s %s' % v",
            "    return \"%s %s %s\" % (v[0], '[' + ', '.join(v[1]) + ']',"
                + " '[' + ', '.join(v[2]) + ']')",
            "kinds = {socket.gaierror: 'GAIERROR', socket.herror: 'HERROR'}",
            "try:",
            "    print('ok ' + r(" + expr + "))",
            "except OSError as e:",
            "    print('err %s %s' % (kinds.get(type(e), 'OSERROR'), e))",
            "");
    Process p = new ProcessBuilder(PYTHON.toString(), "-I", "-c", script).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    return out;
  }
}
