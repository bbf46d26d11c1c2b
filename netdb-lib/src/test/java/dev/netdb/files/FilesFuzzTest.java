package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for both readers: they never throw, report every skipped line, and what they
 * accept survives a round trip through the file format. Regression inputs live in
 * {@code src/test/resources/dev/netdb/files/FilesFuzzTestInputs/<method>/} and run in every build;
 * fuzz with {@code JAZZER_FUZZ=1 ./mvnw -pl netdb-lib test -Dtest=FilesFuzzTest}.
 */
class FilesFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void servicesParser(byte[] data) {
    ParseResult<Servent> r = ServicesFile.parse(data);
    checkAccounting(data, r);
    for (Servent e : r.entries()) {
      String line = e.name() + " " + e.port() + "/" + e.protocol() + " " + String.join(" ", e.aliases()) + "\n";
      assertThat(ServicesFile.parse(line.getBytes(StandardCharsets.UTF_8)).entries())
          .as("round trip of %s", e)
          .containsExactly(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void protocolsParser(byte[] data) {
    ParseResult<Protoent> r = ProtocolsFile.parse(data);
    checkAccounting(data, r);
    for (Protoent e : r.entries()) {
      String line =
          e.name() + " " + Integer.toUnsignedString(e.number()) + " " + String.join(" ", e.aliases()) + "\n";
      assertThat(ProtocolsFile.parse(line.getBytes(StandardCharsets.UTF_8)).entries())
          .as("round trip of %s", e)
          .containsExactly(e);
    }
  }

  /** Every line that is not blank or a comment is an entry or a diagnostic, in line order. */
  private static void checkAccounting(byte[] data, ParseResult<?> r) {
    int dataLines = 0;
    int lines = 0;
    int start = 0;
    while (start < data.length) {
      lines++;
      int i = start;
      while (i < data.length && data[i] != '\n' && NssLines.isSpace(data[i])) {
        i++;
      }
      boolean blank = i >= data.length || data[i] == '\n' || data[i] == 0 || data[i] == '#';
      dataLines += blank ? 0 : 1;
      while (start < data.length && data[start] != '\n') {
        start++;
      }
      start++;
    }
    assertThat(r.entries().size() + r.diagnostics().size()).isEqualTo(dataLines);
    int previous = 0;
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.lineNumber()).isGreaterThan(previous).isLessThanOrEqualTo(lines);
      assertThat(d.reason()).isNotBlank();
      previous = d.lineNumber();
    }
  }
}
