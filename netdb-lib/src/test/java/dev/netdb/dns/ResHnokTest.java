package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link DnsName#isHostName} against glibc 2.36's {@code res_hnok} rules
 * ({@code resolv/res-name-checking.c}): rows named by their rule, glibc's own {@code
 * resolv/tst-res_hnok.c} table and its byte-by-byte checks. The oracle-namespace suite in netdb-cli checks the same names against
 * Python on every lookup path.
 */
class ResHnokTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "plain-name            | host.example.test          | true",
    "single-label          | localhost                  | true",
    "digits-only           | 1.2.3.400                  | true",
    "underscore            | a_b.example.test           | true",
    "inner-leading-dash    | x.-y.example.test          | true",
    "trailing-dash         | x-.example.test            | true",
    "trailing-dot          | host.example.test.         | true",
    "root                  | .                          | true",
    "decimal-escape-letter | \\097bc.example.test       | true",
    "escaped-letter        | \\abc.example.test         | true",
    "leading-dash          | -x.example.test            | false",
    "space                 | \"a b.example.test\"       | false",
    "bang                  | a!b.example.test           | false",
    "star                  | *.example.test             | false",
    "slash                 | a/b.example.test           | false",
    "colon                 | ::1                        | false",
    "angle-brackets        | <broadcast>                | false",
    "escaped-dot           | a\\.b.example.test         | false",
    "escaped-space         | a\\ b.example.test         | false",
    "nul-escape            | a\\000b.example.test       | false",
    "decimal-over-255      | \\256.example.test         | false",
    "short-decimal         | a\\09.example.test         | false",
    "dangling-backslash    | example.test\\             | false",
    "empty-label           | a..example.test            | false",
    "leading-empty-label   | .example.test              | false",
    "label-over-63         | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.test | false",
    "non-ascii             | b\u00fccher.test           | false",
  })
  void followsResHnok(String rule, String name, boolean expected) {
    assertThat(DnsName.isHostName(name)).as(rule).isEqualTo(expected);
  }

  private static final String Z60 = "z".repeat(60);
  private static final String Z63 = "z".repeat(63);

  /** Returns the rows of glibc 2.36's {@code resolv/tst-res_hnok.c} table, with its hnok bit. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> glibcTable() {
    String four = Z63 + "." + Z63 + "." + Z63 + "." + Z60;
    Object[][] rows = {
      {"", true}, {".", true}, {"..", false}, {"www", true}, {"www.", true}, {"example", true},
      {"example.com", true}, {"www.example.com", true}, {"www.example.com.", true},
      {"www-.example.com.", true}, {"www.-example.com.", true}, {"*.example.com", false},
      {"-v", false}, {"-v.example.com", false}, {"**.example.com", false},
      {"www.example.com\\", false}, {Z63, true}, {Z63 + ".", true}, {Z63 + "\\.", false},
      {Z63 + "z", false}, {Z63 + ".example.com", true}, {four + "z", true}, {four + "z.", true},
      {four + "zz", false}, {four + "zzz", false}, {"hostmaster@mail.example.com", false},
      {"hostmaster\\@mail.example.com", false}, {"with whitespace", false},
      {"with\twhitespace", false}, {"with\nwhitespace", false}, {"with.whitespace ", false},
      {"with.whitespace\t", false}, {"with.whitespace\n", false}, {"with\\ whitespace", false},
      {"with\\\twhitespace", false}, {"with\\\nwhitespace", false},
      {"with.whitespace\\ ", false}, {"with.whitespace\\\t", false},
      {"with.whitespace\\\n", false},
    };
    return java.util.Arrays.stream(rows)
        .map(r -> org.junit.jupiter.params.provider.Arguments.of(r[0], r[1]));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @org.junit.jupiter.params.provider.MethodSource("glibcTable")
  void agreesWithGlibcsOwnTable(String name, boolean expected) {
    assertThat(DnsName.isHostName(name)).isEqualTo(expected);
  }

  /**
   * glibc's {@code one_char} checks: every byte 1..255 alone, and between {@code middle} and
   * {@code suffix}; a backslash there escapes the {@code s} ("middle\\suffix" is "middlesuffix").
   */
  @org.junit.jupiter.api.Test
  void acceptsOnlyHostNameCharacters() {
    String lettersDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (char c = 1; c <= 255; c++) {
      String alone = String.valueOf(c);
      assertThat(DnsName.isHostName(alone)).as("byte %d alone", (int) c)
          .isEqualTo((lettersDigits + "._").indexOf(c) >= 0);
      assertThat(DnsName.isHostName("middle" + c + "suffix")).as("byte %d in the middle", (int) c)
          .isEqualTo((lettersDigits + ".-_\\").indexOf(c) >= 0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"name-wire-255, 48, true", "name-wire-256, 49, false"})
  void boundsTheWholeNameAt255WireBytes(String rule, int last, boolean expected) {
    String l63 = "a".repeat(63) + ".";
    String name = l63.repeat(3) + "d".repeat(last) + ".example.test";
    assertThat(DnsName.isHostName(name)).as(rule).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"tab | 9", "del | 127", "nul | 0"})
  void rejectsControlCharacters(String rule, int c) {
    assertThat(DnsName.isHostName("a" + (char) c + "b.example.test")).as(rule).isFalse();
  }
}
