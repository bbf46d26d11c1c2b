package dev.netdb.files;

import static dev.netdb.files.ServicesFileTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.files.Protoent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parses one-line protocols files; rows measured against getent and Python on glibc 2.36. */
class ProtocolsFileTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "tcp 6 TCP"           | tcp | 6           | TCP
          "q2 010"              | q2  | 10          |
          "q4 4294967295"       | q4  | -1          |
          "q5 2147483648"       | q5  | -2147483648 |
          "q6 -0"               | q6  | 0           |
          "q7 +5"               | q7  | 5           |
          "q8 08 A B"           | q8  | 8           | A B
          "q9\\t9\\tN9#c X"     | q9  | 9           | N9
          "  p6 201"            | p6  | 20101       |
          """)
  void accepts(String line, String name, int number, String aliases) {
    var r = ProtocolsFile.parse(bytes(line));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.entries())
        .containsExactly(
            new Protoent(name, aliases == null ? List.of() : List.of(aliases.split(" ")), number));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "q1 0x10"             | protocol number not followed by whitespace
          "q3 -1"               | protocol number out of range
          "p3 4294967302"       | protocol number out of range
          "p4 7x"               | protocol number not followed by whitespace
          "p5"                  | no protocol number
          "p5 "                 | no protocol number
          "p6 six"              | protocol number is not a number
          """)
  void skips(String line, String reason) {
    var r = ProtocolsFile.parse(bytes("ip 0 IP\n" + line + "\n"));
    assertThat(r.entries()).extracting(Protoent::name).containsExactly("ip");
    assertThat(r.diagnostics()).containsExactly(new Diagnostic(2, line, reason));
  }
}
