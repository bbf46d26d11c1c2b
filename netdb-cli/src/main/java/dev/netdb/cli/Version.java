package dev.netdb.cli;

import dev.netdb.NetDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Says what {@code netdb --version} prints: netdb's version (from {@code version.properties},
 * which the build filters), which back ends work here and which is the default, and the JDK.
 */
final class Version {
  private Version() {}

  /** Returns the version text, three lines. */
  static String text() {
    String backends;
    try {
      NetDb.os(); // NetDb.system() picks it whenever this succeeds
      backends = "os (glibc through FFM, the default), java (pure Java, --backend java)";
    } catch (RuntimeException e) {
      backends = "java (pure Java, the default here); os is unavailable: " + e.getMessage();
    }
    Runtime.Version jdk = Runtime.version();
    return "netdb " + version() + "\n"
        + "back ends: " + backends + "\n"
        + "Java " + jdk + " (" + System.getProperty("java.vm.vendor") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n";
  }

  /** Returns netdb's version as the build wrote it, or {@code "unknown"} outside a build. */
  static String version() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("version=") && !line.contains("${")) {
            return line.substring("version=".length()).strip();
          }
        }
      }
    } catch (IOException e) {
      // falls through: a jar without the resource still answers --version
    }
    return "unknown";
  }
}
