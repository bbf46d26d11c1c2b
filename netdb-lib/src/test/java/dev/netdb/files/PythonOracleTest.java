package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the services and protocols lookups against {@code /usr/bin/python3} on the system files:
 * the reference cases of python-semantics.md §6a #29-36 and §6c, and a seeded corpus of several
 * thousand calls, comparing found/not-found and values.
 */
class PythonOracleTest {
  static final FilesDatabases SYSTEM = FilesDatabases.system();

  @BeforeAll
  static void needsPython() {
    assumeTrue(Oracle.available() || "true".equals(System.getenv("CI")), "python3 or getent missing");
  }

  /** A reference call in oracle.py's input format and Python's answer. */
  record Row(String input, String expected) {
    @Override
    public String toString() {
      return input.replace('\t', ' ').strip() + " -> " + expected.replace('\t', ' ');
    }
  }

  static final List<Row> REFERENCE =
      List.of(
          // python-semantics.md §6a #29-33, #35-36 (#34 is the Python layer's OverflowError)
          new Row("s\t1\thttp\tudp", "N\tservice/proto not found"),
          new Row("s\t0\twww\t", "F\t80"),
          new Row("s\t0\tHTTP\t", "N\tservice/proto not found"),
          new Row("p\t1\t80\tudp", "N\tport/proto not found"),
          new Row("p\t0\t143\t", "F\timap2"),
          new Row("r\tTCP", "F\t6"),
          new Row("r\tTcp", "N\tprotocol not found"),
          // §6c PyMOTW
          new Row("s\t0\thttp\t", "F\t80"),
          new Row("s\t0\thttps\t", "F\t443"),
          new Row("s\t0\tftp\t", "F\t21"),
          new Row("s\t0\tgopher\t", "F\t70"),
          new Row("s\t0\tsmtp\t", "F\t25"),
          new Row("s\t0\timap\t", "F\t143"),
          new Row("s\t0\timaps\t", "F\t993"),
          new Row("s\t0\tpop3\t", "F\t110"),
          new Row("s\t0\tpop3s\t", "F\t995"),
          new Row("p\t0\t80\t", "F\thttp"),
          new Row("p\t0\t443\t", "F\thttps"),
          new Row("p\t0\t21\t", "F\tftp"),
          new Row("p\t0\t70\t", "F\tgopher"),
          new Row("p\t0\t25\t", "F\tsmtp"),
          new Row("p\t0\t143\t", "F\timap2"),
          new Row("p\t0\t993\t", "F\timaps"),
          new Row("p\t0\t110\t", "F\tpop3"),
          new Row("p\t0\t995\t", "F\tpop3s"),
          new Row("r\ticmp", "F\t1"),
          new Row("r\tudp", "F\t17"),
          new Row("r\ttcp", "F\t6"));

  static List<Row> reference() {
    return REFERENCE;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reference")
  void referenceCases(Row row) {
    assertThat(answer(row.input())).as("Java").isEqualTo(row.expected());
  }

  @Test
  void pythonGivesTheReferenceAnswers() {
    assertThat(python(REFERENCE.stream().map(Row::input).toList()))
        .containsExactlyElementsOf(REFERENCE.stream().map(Row::expected).toList());
  }

  @Test
  void agreesWithPythonOnASeededCorpus() throws IOException {
    List<PythonCorpus.Call> calls = PythonCorpus.build(SYSTEM, 20261125L);
    assertThat(calls.size()).isGreaterThan(5000);
    List<String> python = python(calls.stream().map(PythonCorpus.Call::input).toList());
    List<String> differences = new ArrayList<>();
    int found = 0;
    for (int i = 0; i < calls.size(); i++) {
      PythonCorpus.Call c = calls.get(i);
      if (!c.javaAnswer().equals(python.get(i))) {
        differences.add(c.input() + " -> java " + c.javaAnswer() + ", python " + python.get(i));
      }
      found += c.javaAnswer().startsWith("F") ? 1 : 0;
    }
    assertThat(differences).as("differences").isEmpty();
    // Both outcomes must be well represented, or the comparison proves little.
    assertThat(found).as("found calls").isGreaterThan(500);
    assertThat(calls.size() - found).as("not-found calls").isGreaterThan(500);
  }

  static String answer(String input) {
    String[] f = input.split("\t", -1);
    String proto = f[0].equals("r") || f[1].equals("0") ? null : f[3];
    return switch (f[0]) {
      case "s" -> {
        var e = SYSTEM.services().serviceByName(f[2], proto);
        yield e == null ? "N\tservice/proto not found" : "F\t" + e.port();
      }
      case "p" -> {
        var e = SYSTEM.services().serviceByPort(Integer.parseInt(f[2]), proto);
        yield e == null ? "N\tport/proto not found" : "F\t" + e.name();
      }
      default -> {
        var e = SYSTEM.protocols().protocolByName(f[1]);
        yield e == null ? "N\tprotocol not found" : "F\t" + e.number();
      }
    };
  }

  /** Runs oracle.py on the calls with the system files. */
  static List<String> python(List<String> inputs) {
    return OracleScript.run(inputs, null, null);
  }


}
