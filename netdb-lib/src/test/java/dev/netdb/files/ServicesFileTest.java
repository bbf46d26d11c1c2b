package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.files.Servent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parses one-line services files. Each accepted row was checked against {@code getent services}
 * and Python 3.11 on glibc 2.36 with the line bind-mounted over {@code /etc/services}
 * ({@link OracleNamespaceTest} repeats that check on the whole fixture).
 */
class ServicesFileTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # line (\\t \\v \\r \\0 unescaped)  | name | port  | proto  | aliases
          "http 80/tcp www"                   | http | 80    | tcp    | www
          "  a2 81/tcp x2"                    | a2   | 81    | tcp    | x2
          "hex 0x50/tcp"                      | hex  | 80    | tcp    |
          "hex2 0X51/tcp"                     | hex2 | 81    | tcp    |
          "oct 010/tcp"                       | oct  | 8     | tcp    |
          "minus0 -0/tcp"                     | minus0 | 0   | tcp    |
          "plus +86/tcp"                      | plus | 86    | tcp    |
          "plushex +0x10/tcp"                 | plushex | 16 | tcp    |
          "max 4294967295/tcp"                | max  | 65535 | tcp    |
          "wrap 70000/tcp"                    | wrap | 4464  | tcp    |
          "wrap2 2147483648/tcp"              | wrap2 | 0    | tcp    |
          "noproto 82"                        | noproto | 82 |        |
          "slashonly 83/ al6"                 | slashonly | 83 |      | al6
          "cut 85/tcp a8x#c a8y"              | cut  | 85    | tcp    | a8x
          "ws\\t87/tcp\\vv1\\ra"              | ws   | 87    | tcp    | v1 a
          "nul 88/tcp\\0 zz"                  | nul  | 88    | tcp    |
          "utf 90/tcpé"                       | utf  | 90    | tcpé   |
          "dup 9/udp dup dup"                 | dup  | 9     | udp    | dup dup
          """)
  void accepts(String line, String name, int port, String proto, String aliases) {
    ParseResult<Servent> r = ServicesFile.parse(bytes(line + "\n"));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.entries())
        .containsExactly(
            new Servent(name, aliases == null ? List.of() : List.of(aliases.split(" ")), port,
                proto == null ? "" : proto));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "bad 0x/tcp"                        | port number not followed by '/'
          "bad 08/tcp"                        | port number not followed by '/'
          "bad -1/tcp"                        | port number out of range
          "bad -65535/tcp"                    | port number out of range
          "bad 4294967296/tcp"                | port number out of range
          "bad 99999999999999999999999/tcp"   | port number out of range
          "bad 1e3/tcp"                       | port number not followed by '/'
          "bad 0b11/tcp"                      | port number not followed by '/'
          "bad \\t12 /tcp"                    | port number not followed by '/'
          "bad tcp/80"                        | port is not a number
          "bad#c 84/tcp"                      | no port number
          "bad"                               | no port number
          "bad\\0 80/tcp"                     | no port number
          "bad ٣/tcp"                         | port is not a number
          """)
  void skips(String line, String reason) {
    ParseResult<Servent> r = ServicesFile.parse(bytes("ok 1/tcp\n" + line + "\nok2 2/udp\n"));
    assertThat(r.entries()).extracting(Servent::name).containsExactly("ok", "ok2");
    assertThat(r.diagnostics())
        .containsExactly(new Diagnostic(2, unescape(line), reason));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ""
          "   "
          "# comment 80/tcp"
          "   # indented comment"
          "\\0a13 89/tcp"
          "\\t\\v\\f\\r"
          """)
  void ignoresBlankAndCommentLinesSilently(String line) {
    ParseResult<Servent> r = ServicesFile.parse(bytes(line == null ? "" : line + "\n"));
    assertThat(r.entries()).isEmpty();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.dataLines()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "  last 91/tcp"     | tcpcp | 91
          "\tlast 91/tcp"    | tcpp  | 91
          "last 91/tcp"       | tcp   | 91
          "   last 91/udp x"  | udp   | 91
          """)
  void repeatsTheTailOfAnIndentedLastLineWithoutNewline(String line, String proto, int port) {
    // glibc's __nss_readline memmove()s the line left without moving its NUL.
    Servent e = ServicesFile.parse(bytes("a 1/tcp\n" + line)).entries().getLast();
    assertThat(e.protocol()).isEqualTo(proto);
    assertThat(e.port()).isEqualTo(port);
  }

  static byte[] bytes(String escaped) {
    return unescape(escaped).getBytes(StandardCharsets.UTF_8);
  }

  static String unescape(String s) {
    return s.replace("\\t", "\t").replace("\\v", "\u000b").replace("\\r", "\r").replace("\\f", "\f").replace("\\0", "\0");
  }
}
