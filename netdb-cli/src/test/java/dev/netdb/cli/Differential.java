package dev.netdb.cli;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.Requirements;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared plumbing of the differential suites: the repository root, the command lines of the
 * Python oracle and of the CLI and example twins run from the built classes (the oracle namespace
 * has no network, so nothing can be built inside it), and the line-by-line comparison that lists
 * every difference.
 */
final class Differential {
  /** CPython 3.11, the oracle. */
  static final String PYTHON = "/usr/bin/python3";

  private Differential() {}

  /** Skips the test (fails it under {@code CI=true}) when the oracle's Python is missing. */
  static void requirePython() {
    Requirements.require(Files.isExecutable(Path.of(PYTHON)), PYTHON + " (CPython 3.11) missing");
  }

  /** Returns the repository root: the nearest directory up from here holding tools/oracle.py. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("tools/oracle.py"))) {
        return p;
      }
    }
    throw new IllegalStateException("tools/oracle.py not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * Returns the command that runs {@code mainClass} of netdb-cli (the CLI or an example twin)
   * with {@code args}: the test JVM's {@code java} (the JDK at its {@code java.home}) and class
   * path, which holds netdb-cli's and netdb's compiled classes or jars, with native access on.
   */
  static List<String> java(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", classPath(), mainClass));
    command.addAll(args);
    return command;
  }

  /** Returns the CLI command {@code netdb ARGS...}. */
  static List<String> cli(String... args) {
    return java("dev.netdb.cli.Main", List.of(args));
  }

  /** Returns the oracle command {@code /usr/bin/python3 tools/oracle.py FUNC}. */
  static List<String> oracle(String func) {
    return List.of(PYTHON, repoRoot().resolve("tools/oracle.py").toString(), func);
  }

  /**
   * Returns the test JVM's class path with absolute entries; surefire may hide it in a
   * manifest-only jar, so {@code java.class.path} is checked for netdb's classes.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    String joined = String.join(File.pathSeparator, entries);
    if (!joined.contains("netdb-cli")) {
      throw new IllegalStateException("netdb-cli's classes are not on java.class.path: " + joined);
    }
    return joined;
  }

  /**
   * Runs {@code lines} through the oracle and the CLI's batch mode ({@code --json [OPTIONS]
   * FUNC -}) in the namespace and returns every line that differs. Exit codes are not compared
   * (the CLI exits 2 when a call fails, oracle.py 0), but the oracle must exit 0.
   */
  static List<String> batch(OracleNamespace ns, String func, List<String> lines,
      List<String> cliOptions) throws IOException {
    Path root = repoRoot();
    CommandResult python = ns.runBatch(oracle(func), lines, root);
    if (python.exit() != 0) {
      throw new IllegalStateException("oracle.py " + func + " failed: " + python.describe());
    }
    List<String> args = new ArrayList<>(List.of("--json"));
    args.addAll(cliOptions);
    args.addAll(List.of(func, "-"));
    CommandResult netdb = ns.runBatch(java("dev.netdb.cli.Main", args), lines, root);
    if (netdb.exit() != 0 && netdb.exit() != 2) {
      throw new IllegalStateException("netdb --json " + func + " failed: " + netdb.describe());
    }
    return compare(func, lines, python.lines(), netdb.lines());
  }

  /**
   * Compares two outputs line by line, ordering included, and returns one entry per differing
   * line: the call (or the line number, past the calls), Python's line and netdb's line.
   */
  static List<String> compare(String func, List<String> calls, List<String> python,
      List<String> netdb) {
    List<String> diffs = new ArrayList<>();
    int n = Math.max(python.size(), netdb.size());
    for (int i = 0; i < n; i++) {
      String p = i < python.size() ? python.get(i) : "<missing>";
      String j = i < netdb.size() ? netdb.get(i) : "<missing>";
      if (!p.equals(j)) {
        String call = i < calls.size() ? calls.get(i) : "line " + (i + 1);
        diffs.add(func + " " + call + "\n  python: " + p + "\n  netdb:  " + j);
      }
    }
    return diffs;
  }

  /** Prints a suite's figures and differences, so a run's log shows them even when green. */
  static void report(String suite, int compared, List<String> diffs) {
    System.out.println("[differential] " + suite + ": " + compared + " compared, " + diffs.size()
        + " differences");
    diffs.stream().limit(50).forEach(d -> System.out.println("  " + d));
  }
}
