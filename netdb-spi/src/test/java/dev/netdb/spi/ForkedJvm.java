package dev.netdb.spi;

import dev.netdb.NetDb;
import dev.netdb.spi.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link Scenario} in a JVM of its own, with netdb-spi on the class path or on the module
 * path, as the JDK's own provider tests do: a provider is chosen once per JVM.
 */
final class ForkedJvm {
  /** How the provider's jar is put on the JVM. */
  enum Placement { CLASS_PATH, MODULE_PATH }

  private ForkedJvm() {}

  static ProcessBuilder command(Placement how, List<String> jvmArgs, String... scenario) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String spi = System.getProperty("netdb.spi.classes");
    if (spi == null) {
      throw new IllegalStateException("run under Maven: netdb.spi.classes is not set");
    }
    String lib = location(NetDb.class);
    String tests = location(Scenario.class);
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xshare:auto");
    cmd.addAll(jvmArgs);
    if (how == Placement.CLASS_PATH) {
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("-cp");
      cmd.add(String.join(":", spi, lib, tests));
    } else {
      cmd.add("--enable-native-access=dev.netdb");
      cmd.add("--module-path");
      cmd.add(String.join(":", spi, lib));
      cmd.add("-cp");
      cmd.add(tests);
    }
    cmd.add(Scenario.class.getName());
    cmd.addAll(List.of(scenario));
    return new ProcessBuilder(cmd);
  }

  /** Runs a scenario to its end (at most a minute) and returns what it printed, both streams. */
  static Result run(Placement how, List<String> jvmArgs, String... scenario) {
    try {
      Process p = command(how, jvmArgs, scenario).redirectErrorStream(false).start();
      p.getOutputStream().close();
      var out = p.getInputStream().readAllBytes();
      var err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("scenario did not end: " + List.of(scenario));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a scenario printed and its exit status. */
  record Result(int exit, String out, String err) {
    /** Returns the value printed for {@code key=}, or null. */
    String value(String key) {
      for (String line : out.split("\n")) {
        if (line.startsWith(key + "=")) {
          return line.substring(key.length() + 1);
        }
      }
      return null;
    }
  }
}
