package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdnaTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bücher.example     | xn--bcher-kva.example
          straße.example     | strasse.example
          Bücher.Example     | xn--bcher-kva.Example
          UPPER.Example.NET  | UPPER.Example.NET
          localhost.         | localhost.
          bücher.            | xn--bcher-kva.
          a\u3002bücher      | a.xn--bcher-kva
          """)
  void encodesAsPythonDoes(String input, String expected) {
    assertThat(Idna.encode(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} fails: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          .                  | label empty or too long
          a..b               | label empty or too long
          .example           | label empty or too long
          bücher..x          | label empty or too long
          xn--ü              | Label starts with ACE prefix
          \u0627\u0031       | Violation of BIDI requirement 3
          """)
  void rejectsAsPythonDoes(String input, String reason) {
    assertThatThrownBy(() -> Idna.encode(input))
        .isInstanceOf(IdnaException.class)
        .extracting(e -> ((IdnaException) e).pythonMessage())
        .isEqualTo("encoding with 'idna' codec failed (UnicodeError: " + reason + ")");
  }

  @Test
  void lastLabelTooLongHasItsOwnMessage() {
    assertThatThrownBy(() -> Idna.encode("example." + "a".repeat(64)))
        .extracting(e -> ((IdnaException) e).pythonMessage())
        .isEqualTo("encoding with 'idna' codec failed (UnicodeError: label too long)");
  }

  /** A seeded corpus of names, encoded by Python's codec and by ours; every result must agree. */
  @Test
  void agreesWithPythonOnSeededCorpus() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20261125);
    String[] pieces = {
      "a", "B", "-", "ü", "ß", "\u00ad", "\u3002", ".", "xn--", "\u0627", "1", "\ufffd", "é",
      "\u4e2d", "\uff0e", "\ud83d\ude00", " ", "\u200b", "Ⅻ", "ﬁ", "\u0301", "x".repeat(30)
    };
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + rnd.nextInt(8);
      for (int j = 0; j < n; j++) {
        b.append(pieces[rnd.nextInt(pieces.length)]);
      }
      names.add(b.toString());
    }
    List<String> lines = names.stream().map(PythonProcess::jsonString).toList();
    List<String> python =
        PythonProcess.run(
            """
            try:
                return 'OK ' + line.encode('idna').decode('ascii')
            except UnicodeError as e:
                return 'ERR ' + str(e)
            """,
            lines);
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String ours;
      try {
        ours = "OK " + Idna.encode(names.get(i));
      } catch (IdnaException e) {
        ours = "ERR " + e.pythonMessage();
      }
      if (!ours.equals(python.get(i))) {
        diffs.add(lines.get(i) + ": python=" + python.get(i) + " netdb=" + ours);
      }
    }
    assertThat(diffs).isEmpty();
  }
}
