package dev.netdb.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code testdata/files/oracle.py} on a batch of calls. */
final class OracleScript {
  private OracleScript() {}

  /**
   * Runs the calls in one Python process; with fixture files, inside a private mount namespace
   * with them bind-mounted over the system ones.
   */
  static List<String> run(List<String> inputs, Path services, Path protocols) {
    try {
      Path script = Files.createTempFile("netdb-oracle", ".py");
      try {
        try (var in = OracleScript.class.getResourceAsStream("/testdata/files/oracle.py")) {
          Files.write(script, in.readAllBytes());
        }
        List<String> argv = List.of(Oracle.PYTHON, script.toString());
        String stdin = String.join("\n", inputs) + "\n";
        Oracle.Run r =
            services == null
                ? Oracle.run(argv, stdin)
                : Oracle.inNamespace(services, protocols, argv, stdin);
        if (r.status() != 0) {
          throw new IllegalStateException("oracle.py exited " + r.status());
        }
        List<String> out = new ArrayList<>(List.of(r.stdout().split("\n", -1)));
        out.removeLast();
        if (out.size() != inputs.size()) {
          throw new IllegalStateException("oracle.py gave " + out.size() + " answers for " + inputs.size());
        }
        return out;
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
