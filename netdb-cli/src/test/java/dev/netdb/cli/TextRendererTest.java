package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every {@link PyValue} and {@link Outcome} kind, so that a kind added to either sealed
 * type without a branch in {@link TextRenderer}'s instanceof chains fails here. Expected texts are
 * Python 3.11's {@code str()}/{@code repr()} (bytes as hex, enum members by name, as the CLI
 * shows them).
 */
class TextRendererTest {
  static Stream<Arguments> values() {
    Map<String, PyValue> dict = new LinkedHashMap<>();
    dict.put("a", PyValue.PyInt.of(1));
    return Stream.of(
        Arguments.of(PyValue.PyNone.NONE, "None", "None"),
        Arguments.of(new PyValue.PyBool(true), "True", "True"),
        Arguments.of(PyValue.PyInt.of(-80), "-80", "-80"),
        Arguments.of(new PyValue.PyFloat(0.5), "0.5", "0.5"),
        Arguments.of(new PyValue.PyStr("it's"), "it's", "\"it's\""),
        Arguments.of(new PyValue.PyBytes(new byte[] {0x7f, 0, 0, 1}), "7f000001", "7f000001"),
        Arguments.of(new PyValue.PyEnum("AF_INET", 2), "AF_INET", "AF_INET"),
        Arguments.of(new PyValue.PyTuple(List.of(PyValue.PyInt.of(1))), "(1,)", "(1,)"),
        Arguments.of(new PyValue.PyList(List.of(new PyValue.PyStr("a"), PyValue.PyNone.NONE)),
            "['a', None]", "['a', None]"),
        Arguments.of(new PyValue.PyDict(dict), "{'a': 1}", "{'a': 1}"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("values")
  void strAndRepr(PyValue v, String str, String repr) {
    assertThat(TextRenderer.str(v)).isEqualTo(str);
    assertThat(TextRenderer.repr(v)).isEqualTo(repr);
  }

  static Stream<Arguments> outcomes() {
    List<PyValue> args = List.of(new PyValue.PyStr("http"));
    return Stream.of(
        Arguments.of(new Outcome.Returned(args, PyValue.PyInt.of(80)), "http : 80\n"),
        Arguments.of(new Outcome.Raised(args, PyError.osError("service/proto not found")),
            "http : ERROR: service/proto not found\n"),
        Arguments.of(Outcome.Malformed.notAnArray(3),
            "http : ERROR: line 3: not a JSON array of arguments\n"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("outcomes")
  void everyOutcomeKind(Outcome outcome, String text) {
    StringBuilder out = new StringBuilder();
    TextRenderer.render(out, TextRenderer.Layout.LINE, "http", 4, outcome);
    assertThat(out.toString()).isEqualTo(text);
  }
}
