package dev.netdb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Python snippet over many input lines in one {@code /usr/bin/python3} process and returns
 * one output line per input. Skips the test where Python is missing, except under {@code CI=true}.
 * Only for offline functions: nothing passed here may make Python look a name up.
 */
final class PythonProcess {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private PythonProcess() {}

  /** Returns, for each input line, what {@code body} printed for it (one line each). */
  static List<String> run(String body, List<String> inputs) throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("/usr/bin/python3 is missing but CI=true requires the oracle");
      }
      assumeTrue(false, "/usr/bin/python3 missing: oracle comparison skipped");
    }
    String script =
        "import sys, json\n"
            + "def handle(line):\n"
            + body.indent(4)
            + "for line in sys.stdin:\n"
            + "    print(handle(json.loads(line)), flush=False)\n";
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", script)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedWriter w =
                      new BufferedWriter(
                          new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (String in : inputs) {
                      w.write(in);
                      w.write('\n');
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    List<String> out = new ArrayList<>(inputs.size());
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.add(line);
      }
    }
    writer.join();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("python exited " + p.exitValue());
    }
    return out;
  }

  /** Returns a JSON string literal for {@code s}, every non-ASCII char escaped (surrogates too). */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
