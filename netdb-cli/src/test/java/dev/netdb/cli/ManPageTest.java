package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the generated man page with groff and man, which must report nothing. */
class ManPageTest {
  private static boolean has(String program) {
    return Files.isExecutable(Path.of("/usr/bin", program));
  }

  @Test
  void groffFindsNoProblem(@TempDir Path dir) throws Exception {
    assumeTrue(has("groff") || "true".equals(System.getenv("CI")), "groff is not installed");
    Path page = Files.writeString(dir.resolve("netdb.1"), ManPage.page("1.2.3"));
    Result r = run(List.of("groff", "-man", "-ww", "-z", page.toString()), "");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
  }

  @Test
  void manRendersEveryCommandAndOptionWithoutWarnings(@TempDir Path dir) throws Exception {
    assumeTrue(has("man") || "true".equals(System.getenv("CI")), "man is not installed");
    Path page = Files.writeString(dir.resolve("netdb.1"), ManPage.page("1.2.3"));
    Result r = run(List.of("man", "-l", "--warnings", page.toString()), "");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    String text = r.out();
    assertThat(text).startsWith("NETDB(1)").contains("netdb 1.2.3");
    String words = text.replaceAll("\\s+", " "); // man fills lines: compare across breaks
    for (Usage.Entry e : Usage.COMMANDS) {
      assertThat(text).contains("\n       " + e.name());
      assertThat(words).contains("Example: " + e.example());
      if (e.equivalent() != null) {
        assertThat(words).contains(e.equivalentLabel() + ": " + e.equivalent());
      }
    }
    for (Usage.Option o : Usage.OPTIONS) {
      assertThat(text).contains("\n       " + o.synopsis());
    }
    // roff escapes: options keep ASCII hyphens, a lone '-' argument survives.
    assertThat(text).contains("--family F").contains("netdb --json inet_pton -");
  }

  @Test
  void roffEscapesRequestsBackslashesAndHyphens() {
    assertThat(ManPage.roff(".x 'y' a\\b --c")).isEqualTo("\\&.x 'y' a\\eb \\-\\-c");
    assertThat(ManPage.roff("'quoted")).isEqualTo("\\&'quoted");
  }

  record Result(int status, String out, String err) {}

  private static Result run(List<String> command, String in) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MANWIDTH", "80");
    pb.environment().put("MAN_KEEP_FORMATTING", "");
    pb.environment().put("LANG", "C.UTF-8");
    Process p = pb.redirectErrorStream(false).start();
    p.getOutputStream().write(in.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    var err = p.getErrorStream();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String e = new String(err.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, e);
  }
}
