package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch's input limits (issue 13 items 8 and 9): line length, nesting depth and strict UTF-8,
 * each an error object for its line with the batch going on; and Python as the oracle for the
 * UTF-8 decoder's messages.
 */
class BatchInputTest {
  private static final String OK = "{\"call\": [\"7f000001\"], \"result\": \"127.0.0.1\"}";

  private static CliRunner.Result ntoa(byte[] stdin, String... options) {
    List<String> argv = new ArrayList<>(List.of(options));
    argv.addAll(List.of("--json", "inet_ntoa", "-"));
    return CliRunner.runBytes(new FakeNetDb(), stdin, argv.toArray(String[]::new));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String malformed(String type, String message) {
    return "{\"call\": null, \"error\": {\"type\": \"" + type + "\", \"code\": null, \"message\": \""
        + message + "\"}}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # input line (one of three; lines 1 and 3 are good) | options                 | line 2's error
      too long by one byte         | ["xxxxxxxxxxxxxxx"] | --max-line-bytes=18 | ValueError: line 2: longer than the limit of 18 bytes (--max-line-bytes)
      exactly the limit            | ["xxxxxxxxxxxxxx"]  | --max-line-bytes=18 | TypeError: a bytes-like object is required, not 'str'
      deeper than the limit        | [[[[1]]]]           | --max-depth=3       | ValueError: line 2: nested deeper than 3 (--max-depth)
      at the limit                 | [[[1]]]             | --max-depth=3       | TypeError: a bytes-like object is required, not 'tuple'
      object counts as a level     | [[{"a": 1}]]        | --max-depth=2       | ValueError: line 2: nested deeper than 2 (--max-depth)
      not an array                 | {"a": 1}            | --max-depth=64      | ValueError: line 2: not a JSON array of arguments
      """)
  void aLineOverALimitIsOneErrorObjectAndTheBatchGoesOn(
      String name, String line, String option, String expected) {
    String[] opt = option.split("=");
    var r = ntoa(bytes("[\"7f000001\"]\n" + line + "\n[\"7f000001\"]\n"), opt[0], opt[1]);
    List<String> out = r.out().lines().toList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isEqualTo(OK);
    assertThat(out.get(2)).isEqualTo(OK);
    String type = expected.substring(0, expected.indexOf(':'));
    String message = expected.substring(expected.indexOf(':') + 2);
    assertThat(out.get(1)).contains("\"type\": \"" + type + "\"").contains(message);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void defaultsAreOneMebibyteAnd64Levels() {
    String deep64 = "[".repeat(64) + "]".repeat(64);
    String deep65 = "[".repeat(65) + "]".repeat(65);
    String atLimit = "[\"" + "x".repeat((1 << 20) - 4) + "\"]";
    String overLimit = "[\"" + "x".repeat((1 << 20) - 3) + "\"]";
    var r = ntoa(bytes(deep64 + "\n" + deep65 + "\n" + atLimit + "\n" + overLimit + "\n"));
    List<String> out = r.out().lines().toList();
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).contains("\"type\": \"TypeError\"");
    assertThat(out.get(1)).isEqualTo(malformed("ValueError", "line 2: nested deeper than 64 (--max-depth)"));
    assertThat(out.get(2)).contains("\"type\": \"TypeError\"");
    assertThat(out.get(3)).isEqualTo(malformed("ValueError",
        "line 4: longer than the limit of 1048576 bytes (--max-line-bytes)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "-1", "x", "2147483640", "1e3"})
  void aBadLimitIsAUsageError(String value) {
    var r = CliRunner.fake("--max-line-bytes", value, "--json", "inet_ntoa", "-");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("netdb: --max-line-bytes takes a whole number from 1 to ");
    assertThat(CliRunner.fake("--max-depth", value, "--json", "inet_ntoa", "-").status())
        .isEqualTo(1);
  }

  /** Byte strings (hex) that are not UTF-8, or are; Python's decoder gives each message. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ff", "80", "c0af", "c1bf", "c3", "c328", "e0", "e080", "e0a0", "e0a041",
      "eda080", "ed9fbf", "efbfbf", "f0", "f08f8080", "f0908080", "f09080", "f09080ff", "f4908080",
      "f48fbfbf", "f5", "fe", "5b22c3a922", "5b2261e282ac", "c3a9", "f09f9880"})
  void invalidUtf8IsReportedAsCPythonDoes(String hex) throws Exception {
    byte[] b = HexFormat.of().parseHex(hex);
    String python = pythonDecodeError(b);
    String java = BatchInput.utf8Error(b, b.length);
    assertThat(java).isEqualTo(python);
    // And through the batch: the bad line is one error object, the next line still runs.
    byte[] in = concat(bytes("[\"7f000001\"]\n"), b, bytes("\n[\"7f000001\"]\n"));
    List<String> out = ntoa(in).out().lines().toList();
    assertThat(out).hasSize(3);
    assertThat(out.get(2)).isEqualTo(OK);
    if (python != null) {
      assertThat(out.get(1)).isEqualTo(malformed("UnicodeDecodeError", "line 2: " + python));
    } else {
      assertThat(out.get(1)).doesNotContain("UnicodeDecodeError").doesNotContain("\ufffd");
    }
  }

  @Test
  void linesEndAtLfCrLfOrCrAsPythonsUniversalNewlines() {
    var r = ntoa(bytes("[\"7f000001\"]\r\n[\"7f000002\"]\r[\"7f000003\"]\n\n[\"7f000004\"]"));
    assertThat(r.out().lines().toList()).containsExactly(
        OK,
        "{\"call\": [\"7f000002\"], \"result\": \"127.0.0.2\"}",
        "{\"call\": [\"7f000003\"], \"result\": \"127.0.0.3\"}",
        "{\"call\": [\"7f000004\"], \"result\": \"127.0.0.4\"}");
    assertThat(r.status()).isZero();
  }

  /**
   * A 100 MB line of 52 million numbers, generated on the fly (never stored), costs one error
   * object in bounded memory: the CLI runs in its own JVM with a 48 MiB heap, far less than the
   * line, and goes on to the next line.
   */
  @Test
  void a100MegabyteLineCostsOneErrorObjectInBoundedMemory() throws Exception {
    List<String> out = hugeLine();
    assertThat(out).containsExactly(
        OK,
        malformed("ValueError", "line 2: longer than the limit of 1048576 bytes (--max-line-bytes)"),
        "{\"call\": [\"7f000002\"], \"result\": \"127.0.0.2\"}");
  }

  /**
   * With the line limit raised past the heap, the same line runs the reader out of memory: that
   * too is one error object (Python's MemoryError), and the batch goes on.
   */
  @Test
  void aLineThatRunsTheHeapOutIsOneMemoryErrorObject() throws Exception {
    List<String> out = hugeLine("--max-line-bytes", "1000000000");
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isEqualTo(OK);
    assertThat(out.get(1)).startsWith("{\"call\": null, \"error\": {\"type\": \"MemoryError\","
        + " \"code\": null, \"message\": \"line 2: out of memory reading a line of 1040");
    assertThat(out.get(2)).isEqualTo("{\"call\": [\"7f000002\"], \"result\": \"127.0.0.2\"}");
  }

  /** Runs the CLI in a JVM with a 48 MiB heap over a 104 MB line between two good ones. */
  private static List<String> hugeLine(String... options) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx48m", "-Xss512k", "-cp",
        System.getProperty("java.class.path"), "dev.netdb.cli.Main"));
    cmd.addAll(List.of(options));
    cmd.addAll(List.of("--json", "inet_ntoa", "-"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    Thread feeder = Thread.ofPlatform().start(() -> {
      try (var in = p.getOutputStream()) {
        in.write(bytes("[\"7f000001\"]\n"));
        byte[] chunk = bytes("1,".repeat(8192));
        in.write('[');
        long written = 1;
        long numbers = 0;
        while (written < 104_000_000L) {
          in.write(chunk);
          written += chunk.length;
          numbers += 8192;
        }
        in.write(bytes("1]\n[\"7f000002\"]\n"));
        assertThat(numbers).isGreaterThan(52_000_000L);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    feeder.join();
    assertThat(err).isEmpty();
    assertThat(p.exitValue()).isEqualTo(2);
    return out.lines().toList();
  }

  @Test
  void anErrorInACallIsAnErrorObjectAndTheBatchGoesOn() {
    // The back end is created by the first call: a StackOverflowError there fails that call only.
    var out = new java.io.StringWriter();
    int[] created = {0};
    int status = new Cli(new java.io.StringReader("[\"vm\"]\n[\"7f000001\"]\n"), out,
        new java.io.StringWriter(), o -> {
          created[0]++;
          throw new StackOverflowError();
        }).run("--json", "gethostbyname", "-");
    assertThat(status).isEqualTo(2);
    assertThat(out.toString().lines().toList()).containsExactly(
        "{\"call\": [\"vm\"], \"error\": {\"type\": \"InternalError\", \"code\": null,"
            + " \"message\": \"java.lang.StackOverflowError\"}}",
        "{\"call\": [\"7f000001\"], \"error\": {\"type\": \"InternalError\", \"code\": null,"
            + " \"message\": \"java.lang.StackOverflowError\"}}");
    assertThat(created[0]).isEqualTo(2);
  }

  @Test
  void anErrorThatEscapesEveryCallIsOneLineAndStatusOne() {
    var err = new java.io.StringWriter();
    int status = new Cli(new java.io.StringReader("[\"vm\"]\n"), new java.io.StringWriter(), err,
        o -> {
          throw new AssertionError("boom");
        }).run("--json", "gethostbyname", "-");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("netdb: java.lang.AssertionError: boom\n");
  }

  private static String pythonDecodeError(byte[] b) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", """
        import sys
        b = bytes.fromhex(sys.argv[1])
        try:
            b.decode('utf-8')
            print('OK')
        except UnicodeDecodeError as e:
            print(e)
        """, HexFormat.of().formatHex(b)).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    return out.equals("OK") ? null : out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
