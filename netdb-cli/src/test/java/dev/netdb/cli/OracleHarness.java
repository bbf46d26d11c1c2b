package dev.netdb.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Feeds the same batch lines to {@code netdb --json FUNC -} (in-process) and to {@code
 * tools/oracle.py FUNC} (CPython 3.11, {@code /usr/bin/python3}) and reports every line whose
 * output differs.
 *
 * <p>Network safety: Python must never look up a name outside the oracle namespace. Unless the
 * environment variable {@code NETDB_ORACLE_NAMESPACE=1} says the run is inside it, {@link #compare}
 * refuses any line that could make glibc resolve a host: a {@code str} host for gethostbyname,
 * gethostbyname_ex and gethostbyaddr; any getfqdn call; a getaddrinfo call whose host is a string
 * without {@code AI_NUMERICHOST}; a getnameinfo call without {@code NI_NUMERICHOST}.
 */
final class OracleHarness {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Set<String> HOST_FUNCTIONS = Set.of("gethostbyname", "gethostbyname_ex",
      "gethostbyaddr");

  /** One line whose outputs differ. */
  record Difference(int line, String input, String netdb, String python) {
    @Override
    public String toString() {
      return "line " + line + ": " + input + "\n  netdb:  " + netdb + "\n  python: " + python;
    }
  }

  private OracleHarness() {}

  /** Reports whether the oracle can run here. */
  static boolean available() {
    return Files.isExecutable(PYTHON) && Files.exists(oracleScript());
  }

  /** Reports whether the run is inside the oracle namespace, where any lookup is safe. */
  static boolean insideNamespace() {
    return "1".equals(System.getenv("NETDB_ORACLE_NAMESPACE"));
  }

  static Path oracleScript() {
    Path p = Path.of("tools/oracle.py");
    return Files.exists(p) ? p : Path.of("../tools/oracle.py");
  }

  /**
   * Runs both sides over the lines and returns the differences; throws {@link
   * IllegalArgumentException} for a line that could send a DNS query outside the namespace.
   */
  static List<Difference> compare(String func, List<String> lines, Session.NetDbSource source) {
    if (!insideNamespace()) {
      for (int i = 0; i < lines.size(); i++) {
        String why = unsafe(func, lines.get(i));
        if (why != null) {
          throw new IllegalArgumentException("refusing " + func + " line " + (i + 1) + " ("
              + lines.get(i) + "): " + why + "; run it inside the oracle namespace with "
              + "NETDB_ORACLE_NAMESPACE=1");
        }
      }
    }
    String input = String.join("\n", lines) + "\n";
    StringWriter out = new StringWriter();
    new Cli(new StringReader(input), out, new StringWriter(), source)
        .run("--json", func, "-");
    List<String> netdb = out.toString().lines().toList();
    List<String> python = runOracle(func, input);
    List<String> inputs = lines.stream().filter(l -> !l.isBlank()).toList();
    List<Difference> diffs = new ArrayList<>();
    int n = Math.max(netdb.size(), python.size());
    for (int i = 0; i < n; i++) {
      String a = i < netdb.size() ? netdb.get(i) : "<missing>";
      String b = i < python.size() ? python.get(i) : "<missing>";
      if (!a.equals(b)) {
        diffs.add(new Difference(i + 1, i < inputs.size() ? inputs.get(i) : "?", a, b));
      }
    }
    return diffs;
  }

  /** Returns why a line could make glibc resolve a name, or null when it cannot. */
  static String unsafe(String func, String line) {
    List<PyValue> args = JsonReader.readArguments(line);
    if (args == null) {
      return null; // malformed: neither side calls anything
    }
    args = Conversions.apply(func, args);
    if (HOST_FUNCTIONS.contains(func)) {
      return args.size() == 1 && isName(args.get(0)) ? "a host name may be looked up" : null;
    }
    return switch (func) {
      case "getfqdn" -> args.isEmpty() || args.size() == 1 && isName(args.get(0))
          ? "getfqdn looks names up" : null;
      case "getaddrinfo" -> args.size() >= 2 && args.size() <= 6
          && isName(args.get(0)) && !hasFlag(args, 5, 0x4) && portReachesLookup(args.get(1))
          ? "a string host without AI_NUMERICHOST" : null;
      case "getnameinfo" -> args.size() == 2 && PyArgs.tuple(args.get(0)) != null
          && PyArgs.tuple(args.get(0)).size() >= 2 && PyArgs.tuple(args.get(0)).size() <= 4
          && isName(PyArgs.tuple(args.get(0)).get(0))
          && !hasFlag(args, 1, 0x1)
          ? "getnameinfo without NI_NUMERICHOST does reverse lookups" : null;
      default -> null;
    };
  }

  /** Reports whether a value is a string glibc could be given (no NUL, which fails first). */
  private static boolean isName(PyValue v) {
    return v instanceof PyValue.PyStr(String s) && s.indexOf('\0') < 0;
  }

  /** Reports whether a getaddrinfo port passes CPython's type check (int, str or None). */
  private static boolean portReachesLookup(PyValue port) {
    return port instanceof PyValue.PyNone || port instanceof PyValue.PyInt
        || port instanceof PyValue.PyStr;
  }

  private static boolean hasFlag(List<PyValue> args, int index, int flag) {
    if (args.size() <= index) {
      return false;
    }
    try {
      return (PyArgs.asInt(args.get(index)) & flag) != 0;
    } catch (PyError e) {
      return true; // flags that are not a C int fail before any lookup
    }
  }

  private static List<String> runOracle(String func, String input) {
    return run(List.of(PYTHON.toString(), oracleScript().toString(), func), input);
  }

  /**
   * Runs a command (such as {@code /usr/bin/python3 -c SCRIPT}) with {@code input} on its
   * standard input, as UTF-8, and returns its output's lines; throws when it exits non-zero.
   */
  static List<String> run(List<String> command, String input) {
    try {
      Process p = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      Thread writer = Thread.ofVirtual().start(() -> {
        try (OutputStream os = p.getOutputStream()) {
          os.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      writer.join();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command.get(1) + " exited " + p.exitValue());
      }
      return out.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
