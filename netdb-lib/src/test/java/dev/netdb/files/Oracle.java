package dev.netdb.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference programs ({@code /usr/bin/python3}, {@code getent}) for the services and
 * protocols tests. These programs read only {@code /etc/services} and {@code /etc/protocols} here
 * ({@code nsswitch.conf}: {@code db files}), so nothing leaves the machine; fixture files are
 * bind-mounted over the system ones inside {@code unshare -mn}, a private mount namespace with no
 * network at all.
 */
final class Oracle {
  private Oracle() {}

  /** The output and exit status of one run. */
  record Run(String stdout, int status) {}

  static final String PYTHON = "/usr/bin/python3";

  /** Reports whether Python and getent exist here. */
  static boolean available() {
    return Files.isExecutable(Path.of(PYTHON)) && Files.isExecutable(Path.of("/usr/bin/getent"));
  }

  /** Returns why a private mount namespace cannot be made, or null when it can. */
  static String namespaceUnavailableReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "not root";
    }
    try {
      Run r = run(List.of("unshare", "-mn", "true"), "");
      return r.status() == 0 ? null : "unshare -mn failed";
    } catch (UncheckedIOException e) {
      return "no unshare: " + e.getMessage();
    }
  }

  /** Runs {@code command} with {@code stdin}, returning its standard output (UTF-8) and status. */
  static Run run(List<String> command, String stdin) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Run(new String(out.join(), StandardCharsets.UTF_8), p.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code argv} with the given files bind-mounted over {@code /etc/services} and {@code
   * /etc/protocols} in a private mount and network namespace.
   */
  static Run inNamespace(Path services, Path protocols, List<String> argv, String stdin) {
    List<String> cmd = new ArrayList<>(List.of("unshare", "-mn", "sh", "-c",
        "mount --bind \"$1\" /etc/services && mount --bind \"$2\" /etc/protocols && shift 2 && exec \"$@\"",
        "sh", services.toAbsolutePath().toString(), protocols.toAbsolutePath().toString()));
    cmd.addAll(argv);
    return run(cmd, stdin);
  }

  /** Copies a test resource to a temporary file, so it can be bind-mounted. */
  static Path resourceFile(String name, Path dir) {
    try (var in = Oracle.class.getResourceAsStream("/testdata/files/" + name)) {
      Path f = dir.resolve(name);
      Files.write(f, in.readAllBytes());
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
