package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.netdb.PythonLayers;
import dev.netdb.text.IpLiterals;
import dev.netdb.dns.LookupFailure;
import dev.netdb.backend.AddressInfo;
import dev.netdb.GaiException;
import dev.netdb.backend.Hostent;
import dev.netdb.HostException;
import dev.netdb.NetDbException;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.SystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the OS back end with {@code /usr/bin/python3}'s {@code _socket} on the same machine,
 * call by call, for inputs that cannot reach DNS: numeric hosts, the NULL host, {@code
 * AI_NUMERICHOST}, the services and protocols databases, and names and addresses that {@code
 * /etc/hosts} holds with an IPv4 address. {@link Safety} refuses any other input before either
 * side runs it.
 */
@EnabledOnOs(OS.LINUX)
class OsBackendPythonTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private static OsBackend backend;
  private static Map<Case, String> python;

  @BeforeAll
  static void runPython() throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but " + PYTHON + " is missing: the differential tests must run");
      }
      Assumptions.abort(PYTHON + " is missing: differential tests skipped");
    }
    backend = OsBackend.create();
    Safety safety = Safety.load(backend);
    List<Case> cases = OsBackendCases.all().toList();
    List<Case> runnable = new ArrayList<>();
    for (Case c : cases) {
      String refusal = safety.refusal(c);
      if (refusal == null) {
        runnable.add(c);
      } else if (!refusal.startsWith("skip:")) {
        fail("case " + c + " could reach DNS: " + refusal);
      }
    }
    python = OsBackendCases.runPython(PYTHON, runnable);
  }

  static Stream<Case> cases() {
    return OsBackendCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPython(Case c) {
    Assumptions.assumeTrue(python.containsKey(c), "not in /etc/hosts here, so not run: " + c);
    assertThat(render(c)).as("%s", c).isEqualTo(python.get(c));
  }

  /** Renders the back end's answer to {@code c} in the oracle script's text. */
  static String render(Case c) {
    Object[] a = c.args();
    try {
      return switch (c.op()) {
        case "gai" ->
            "ok "
                + backend
                    .getaddrinfo(
                        (String) a[0], (String) a[1], (int) a[2], (int) a[3], (int) a[4],
                        (int) a[5])
                    .stream()
                    .map(OsBackendPythonTest::render)
                    .collect(Collectors.joining(";"));
        case "nameinfo" -> {
          var ni =
              backend.getnameinfo(
                  new AddressInfo(
                      (int) a[5], 0, 0, "", (int) a[5] == 10 ? IpLiterals.pton6((String) a[0]) : IpLiterals.pton4((String) a[0]), (int) a[1], (long) (int) a[2],
                      (long) (int) a[3]),
                  (int) a[4]);
          yield "ok " + ni.host() + " " + ni.service();
        }
        case "servbyname" -> {
          Servent e = backend.getservbyname((String) a[0], (String) a[1]);
          yield e == null ? "OSError None service/proto not found" : "ok " + e.port();
        }
        case "servbyport" -> {
          Servent e = backend.getservbyport((int) a[0], (String) a[1]);
          yield e == null ? "OSError None port/proto not found" : "ok " + e.name();
        }
        case "protobyname" -> {
          Protoent e = backend.getprotobyname((String) a[0]);
          yield e == null ? "OSError None protocol not found" : "ok " + e.number();
        }
        case "hostbyname_ex" -> render(backend.gethostbyname((String) a[0], Sockaddrs.AF_INET));
        case "hostbyaddr" ->
            render(backend.gethostbyaddr(Safety.packIpv4((String) a[0]), Sockaddrs.AF_INET));
        case "hostname" -> "ok " + backend.gethostname();
        default -> throw new IllegalArgumentException(c.op());
      };
    } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
      return render(e);
    }
  }

  private static String render(AddressInfo ai) {
    String sa =
        ai.family() == Sockaddrs.AF_INET6
            ? ai.host() + "," + ai.port() + "," + ai.flowInfo() + "," + ai.scopeId()
            : ai.host() + "," + ai.port();
    return ai.family() + "/" + ai.type() + "/" + ai.protocol() + "/" + ai.canonicalName() + "/" + sa;
  }

  private static String render(Hostent h) {
    return "ok "
        + h.name()
        + " ["
        + String.join(",", h.aliases())
        + "] ["
        + String.join(",", h.addresses())
        + "]";
  }

  private static String render(NetDbException e) {
    String code = e.code().isPresent() ? Integer.toString(e.code().getAsInt()) : "None";
    String kind =
        switch (e) {
          case GaiException g -> "gaierror";
          case HostException h -> "herror";
          case SystemException s -> "OSError";
          default -> e.getClass().getSimpleName();
        };
    return kind + " " + code + " " + e.pythonMessage();
  }

  /** One call: the oracle operation and its arguments, named by both. */
  record Case(String op, Object... args) {
    @Override
    public String toString() {
      return op + Arrays.deepToString(args);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Case c && c.op.equals(op) && Arrays.deepEquals(c.args, args);
    }

    @Override
    public int hashCode() {
      return op.hashCode() * 31 + Arrays.deepHashCode(args);
    }

    /** Returns the call as the JSON array the oracle script reads. */
    String json() {
      StringBuilder sb = new StringBuilder("[").append(quote(op));
      for (Object a : args) {
        sb.append(", ").append(a instanceof String s ? quote(s) : String.valueOf(a));
      }
      return sb.append("]").toString();
    }

    private static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char ch : s.toCharArray()) {
        if (ch == '"' || ch == '\\') {
          sb.append('\\').append(ch);
        } else if (ch < 0x20 || ch > 0x7e) {
          sb.append(String.format("\\u%04x", (int) ch));
        } else {
          sb.append(ch);
        }
      }
      return sb.append('"').toString();
    }
  }

  /** Decides which cases cannot reach DNS on this machine. */
  record Safety(OsBackend backend, Map<String, List<String>> ipv4Names) {
    private static final int AI_NUMERICHOST = 4;
    private static final int NI_NUMERICHOST = 1;

    static Safety load(OsBackend backend) throws IOException {
      Map<String, List<String>> names = new HashMap<>();
      for (String line : Files.readAllLines(Path.of("/etc/hosts"), StandardCharsets.UTF_8)) {
        String[] f = line.replaceFirst("#.*", "").trim().split("\\s+");
        if (f.length < 2 || !f[0].matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
          continue;
        }
        for (int i = 1; i < f.length; i++) {
          names.computeIfAbsent(f[i].toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
              .add(f[0]);
        }
      }
      return new Safety(backend, names);
    }

    /**
     * Returns null when {@code c} cannot reach DNS, {@code "skip: ..."} when it could here only
     * because /etc/hosts differs, or the reason the case itself is unsafe.
     */
    String refusal(Case c) {
      Object[] a = c.args();
      return switch (c.op()) {
        case "gai" -> {
          String host = (String) a[0];
          // glibc 2.36 maps "*" to NULL; AI_NUMERICHOST stops before any NSS lookup.
          if (host == null || host.equals("*") || ((int) a[5] & AI_NUMERICHOST) != 0) {
            yield null;
          }
          try {
            backend.getaddrinfo(host, null, 0, 0, 0, AI_NUMERICHOST);
            yield null; // a literal: glibc answers (or fails) without a lookup
          } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
            yield "host " + host + " is not a numeric address and AI_NUMERICHOST is not set";
          }
        }
        case "nameinfo" ->
            ((int) a[4] & NI_NUMERICHOST) != 0 || isHostsAddress((String) a[0])
                ? null
                : "skip: " + a[0] + " is not an IPv4 address of /etc/hosts";
        case "hostbyname_ex" -> {
          String name = (String) a[0];
          yield name.matches("[0-9.]+") || ipv4Names.containsKey(name.toLowerCase())
              ? null
              : "skip: " + name + " has no IPv4 line in /etc/hosts";
        }
        case "hostbyaddr" ->
            isHostsAddress((String) a[0]) ? null : "skip: " + a[0] + " is not in /etc/hosts";
        default -> null;
      };
    }

    private boolean isHostsAddress(String ip) {
      return ipv4Names.values().stream().anyMatch(l -> l.contains(ip));
    }

    static byte[] packIpv4(String ip) {
      String[] p = ip.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(p[i]);
      }
      return b;
    }
  }
}
