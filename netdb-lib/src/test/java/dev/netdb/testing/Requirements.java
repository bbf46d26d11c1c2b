package dev.netdb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a test that needs a real program (NSD, dig, unshare, root) can run here.
 *
 * <p>A missing requirement never passes silently: outside CI the test is aborted (reported as
 * skipped) and the reason is printed to standard error; with {@code CI=true} in the environment
 * the test fails with the same reason, because CI must run every real test.
 */
public final class Requirements {
  private static final List<String> SEARCH_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private Requirements() {}

  /** Reports whether the environment variable {@code CI} is {@code true}. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips (outside CI) or fails (under {@code CI=true}) the current test unless {@code ok} holds,
   * printing {@code reason} either way.
   */
  public static void require(boolean ok, String reason) {
    if (ok) {
      return;
    }
    String message = "netdb test requirement missing: " + reason;
    System.err.println(message + (onCi() ? " (CI=true: failing)" : " (skipping)"));
    if (onCi()) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** Returns the path of the executable {@code name} on the usual system directories or PATH. */
  public static Optional<Path> findProgram(String name) {
    String envPath = System.getenv("PATH");
    List<String> dirs = new java.util.ArrayList<>(SEARCH_PATH);
    if (envPath != null) {
      dirs.addAll(List.of(envPath.split(":")));
    }
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Returns the program {@code name}, skipping or failing the test (see class doc) if absent. */
  public static Path requireProgram(String name, String packageHint) {
    Optional<Path> program = findProgram(name);
    require(
        program.isPresent(),
        "'" + name + "' not found (install the Debian package " + packageHint + ")");
    return program.orElseThrow();
  }

  /** Reports whether this JVM runs as root (uid 0), read from {@code /proc/self/status}. */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] fields = line.substring(4).trim().split("\\s+");
          return fields.length > 1 && fields[1].equals("0");
        }
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return false;
  }
}
