package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link DnsName#isHostName} against glibc 2.36's {@code res_hnok} rules
 * ({@code resolv/res-name-checking.c}, cases from glibc's {@code resolv/tst-res_hnok.c}): each row
 * is named by its rule. The oracle-namespace suite in netdb-cli checks the same names against
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
