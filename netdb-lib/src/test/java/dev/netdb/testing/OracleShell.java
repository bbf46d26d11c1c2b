package dev.netdb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the test DNS set-up by hand (see {@code docs/testing.md}):
 *
 * <pre>
 * java -cp netdb-lib/target/test-classes dev.netdb.testing.OracleShell shell [--dual] [--files-only]
 * java -cp netdb-lib/target/test-classes dev.netdb.testing.OracleShell nsd-config DIR PORT
 * </pre>
 *
 * <p>{@code shell} opens an interactive bash inside a fresh oracle namespace (root only), with the
 * same files, hostname and NSD as {@link OracleNamespace}; leaving the shell tears everything
 * down. {@code nsd-config} writes an NSD configuration and the zone files into DIR for a server
 * on 127.0.0.1 and ::1 at PORT, to be started with {@code nsd -d -c DIR/nsd.conf}.
 */
public final class OracleShell {
  private OracleShell() {}

  /** Runs the sub-command named by the first argument; exits 1 with a usage line on bad input. */
  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> a = List.of(args);
    if (a.size() == 3 && a.getFirst().equals("nsd-config")) {
      int port;
      try {
        port = Integer.parseInt(a.get(2));
      } catch (NumberFormatException e) {
        usage("PORT must be a number: " + a.get(2));
        return;
      }
      Path conf = NsdConfig.write(Path.of(a.get(1)), port, TestZone.zonesWithRoot());
      System.out.println(conf);
      return;
    }
    if (!a.isEmpty() && a.getFirst().equals("shell")) {
      OracleConfig config = OracleConfig.reference();
      for (String option : a.subList(1, a.size())) {
        switch (option) {
          case "--dual" -> config = config.withNetwork(OracleConfig.Network.DUAL);
          case "--files-only" -> config = config.withNsswitchConf("hosts: files\n");
          default -> {
            usage("unknown option " + option);
            return;
          }
        }
      }
      System.exit(shell(config));
    }
    usage("unknown command");
  }

  private static int shell(OracleConfig config) throws IOException, InterruptedException {
    if (!Requirements.isRoot()) {
      System.err.println("oracle shell: needs root (unshare --mount --net --uts)");
      return 1;
    }
    Path session = Files.createTempDirectory("netdb-oracle-shell-");
    config.writeTo(session);
    Path script = session.resolve("namespace-agent.sh");
    try (InputStream in = OracleShell.class.getResourceAsStream("namespace-agent.sh")) {
      Files.write(script, in.readAllBytes());
    }
    Files.writeString(session.resolve("interactive"), "");
    Process p = new ProcessBuilder("unshare", "--mount", "--net", "--uts", "--propagation",
            "private", "bash", script.toString(), session.toString())
        .inheritIO()
        .start();
    int status = p.waitFor();
    System.err.println("oracle shell: namespace closed; files kept in " + session);
    return status;
  }

  private static void usage(String reason) {
    System.err.println("oracle shell: " + reason);
    System.err.println("usage: OracleShell shell [--dual] [--files-only] | nsd-config DIR PORT");
    System.exit(1);
  }
}
