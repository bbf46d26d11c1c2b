package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Constants}' lookup by name (a hash map since the batch looks names up on every call)
 * against Python's {@code socket} module, and {@link Constants#parseNames}' {@code |} joins.
 */
class ConstantsTest {
  @Test
  void everyNameHasPythonsValue() {
    assumeTrue(OracleHarness.available(), "/usr/bin/python3 missing");
    List<String> names = Constants.names("");
    assertThat(names).hasSizeGreaterThan(70).doesNotHaveDuplicates();
    List<String> python = OracleHarness.run(withNames(names), "");
    assertThat(python).hasSize(names.size());
    for (int i = 0; i < names.size(); i++) {
      assertThat(Constants.value(names.get(i))).as(names.get(i))
          .isEqualTo(Integer.valueOf(python.get(i)));
    }
  }

  private static List<String> withNames(List<String> names) {
    List<String> cmd = new ArrayList<>(List.of(OracleHarness.PYTHON.toString(), "-c", """
        import socket, sys
        for name in sys.argv[1:]:
            print(int(getattr(socket, name)))
        """));
    cmd.addAll(names);
    return cmd;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
      # text                              ; OR of the names; empty: not constant names
      AF_INET                             ; 2
      SOCK_STREAM                         ; 1
      AI_PASSIVE|AI_CANONNAME             ; 3
      AF_INET|AF_INET6                    ; 10
      NI_NUMERICHOST|NI_NUMERICSERV|NI_DGRAM ; 19
      AF_ROUTE                            ; 16
      ``                                  ;
      `|`                                 ;
      AF_INET|                            ;
      `|AF_INET`                          ;
      af_inet                             ;
      `AF_INET `                          ;
      AF_INET||AF_INET6                   ;
      AddressFamily.AF_INET               ;
      AF_                                 ;
      """)
  void parsesJoinedNames(String text, Integer expected) {
    assertThat(Constants.parseNames(text)).isEqualTo(expected);
  }
}
