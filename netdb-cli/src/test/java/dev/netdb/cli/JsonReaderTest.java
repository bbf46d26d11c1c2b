package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JsonReader}'s fast paths against its general ones, and the reader with {@link
 * JsonWriter} against Python's {@code json.dumps(json.loads(line))}: an int of up to 18 chars is
 * read as a {@code long}, a longer one through {@link BigInteger}; a string without escapes is
 * taken as it stands, one with them char by char; a literal is found by its first char; a line
 * already in {@code json.dumps}'s form is kept as its call's echo.
 */
class JsonReaderTest {
  @Test
  void intsOfEveryLengthReadAsBigIntegerReadsThem() {
    for (int digits = 1; digits <= 25; digits++) {
      for (String body : List.of("1".repeat(digits), "9".repeat(digits),
          "1" + "0".repeat(digits - 1), "8" + "7".repeat(digits - 1))) {
        for (String text : List.of(body, "-" + body)) {
          assertThat(JsonReader.readArguments("[" + text + "]"))
              .as(text).containsExactly(new PyValue.PyInt(new BigInteger(text)));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void aStringReadsTheSameWithAndWithoutEscapes(String s) {
    List<PyValue> expected = List.of(new PyValue.PyStr(s));
    assertThat(JsonReader.readArguments("[" + json(s, false) + "]")).isEqualTo(expected);
    assertThat(JsonReader.readArguments("[" + json(s, true) + "]")).isEqualTo(expected);
    // an escape after a plain start, which the fast scan hands to the general loop there
    assertThat(JsonReader.readArguments("[\"ab" + json(s, true).substring(1) + "]"))
        .isEqualTo(List.of(new PyValue.PyStr("ab" + s)));
  }

  static Stream<String> strings() {
    return Stream.of("", "h5.bulk.test", "AF_INET|AI_CANONNAME", "quote\"d", "back\\slash",
        "slash/", "\n\r\t\b\f", "\u007f", "caf\u00e9", "\u4e2d\u6587", "x\ud83d\ude00y", "\ud800",
        "\udfff", "x".repeat(300));
  }

  /** Returns JSON for {@code s}: every char as {@code \\uXXXX}, or only those JSON must escape. */
  private static String json(String s, boolean escapeAll) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(escapeAll || c < ' ' || c == '"' || c == '\\'
          ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # line                             | the arguments, as JsonWriter writes them; null: no call
      `[]`                               | []
      `[null, true, false]`              | [null, true, false]
      `[NaN, Infinity, -Infinity]`       | [NaN, Infinity, -Infinity]
      `[-Infinityx]`                     | null
      `[-Inf]`                           | null
      `[nul]`                            | null
      `[tru]`                            | null
      `[fals]`                           | null
      `[Nan]`                            | null
      `[Infinit]`                        | null
      `[n]`                              | null
      `[-]`                              | null
      `[-0, 0, -1, 80]`                  | [0, 0, -1, 80]
      `[01]`                             | null
      `[1.5, 1e3, 1E-2, -0.0]`           | [1.5, 1000.0, 0.01, -0.0]
      `[1., 1e]`                         | null
      `[123456789012345678]`             | [123456789012345678]
      `[1234567890123456789]`            | [1234567890123456789]
      `[-12345678901234567]`             | [-12345678901234567]
      `[-123456789012345678]`            | [-123456789012345678]
      `["a\\u00e9", "\\"", "\\/"]`       | ["a\\u00e9", "\\"", "/"]
      `["\\x"]`                          | null
      `["\\u12"]`                        | null
      `["unterminated]`                  | null
      `[[1, [2, []]], {"a": [3]}]`       | [[1, [2, []]], {"a": [3]}]
      `[{"a": 1, "b": 2, "a": 3}]`       | [{"a": 3, "b": 2}]
      `  [ 1 , "x" ]  `                  | [1, "x"]
      `[1,]`                             | null
      `[1] x`                            | null
      `{"a": 1}`                         | null
      """)
  void readsLinesAsJsonLoads(String line, String expected) {
    List<PyValue> args = JsonReader.readArguments(line);
    if (expected.equals("null")) {
      assertThat(args).isNull();
    } else {
      assertThat(write(args)).isEqualTo(expected);
    }
  }

  /** Items in the form json.dumps writes them, and in other forms of the same or other values. */
  private static final List<String> CANONICAL_ITEMS = List.of("1", "-7", "0", "80",
      "123456789012345678901234567890", "null", "true", "false", "NaN", "Infinity", "-Infinity",
      "\"\"", "\"h5.bulk.test\"", "\"AF_INET|AI_CANONNAME\"", "\" ~!#$%&'()*+,-./:;<=>?@[]^_`{|}\"",
      "[]", "[1, \"a\"]", "[[], [[null]]]");
  private static final List<String> OTHER_ITEMS = List.of("-0", "1.0", "1e3", "1.5", "-0.0",
      "\"caf\u00e9\"", "\"caf\\u00e9\"", "\"a\\\"b\"", "\"a\\\\b\"", "\"\\/\"", "\"\\n\"",
      "\"\ud83d\ude00\"", "\"\u007f\"", "[1,2]", "[ 1]", "[1 ]", "[\t]", "{}", "{\"a\": 1}",
      "[{\"a\": [1]}]");

  @Test
  void aLineIsItsOwnEchoExactlyWhenItIsWhatJsonDumpsWrites() {
    List<String> lines = new ArrayList<>();
    for (String a : CANONICAL_ITEMS) {
      for (String b : CANONICAL_ITEMS) {
        lines.add("[" + a + ", " + b + "]");
      }
    }
    lines.addAll(List.of("[]", "[\"h5.bulk.test\", 80, \"AF_INET\", \"SOCK_STREAM\"]"));
    for (String line : lines) {
      JsonReader.Arguments args = (JsonReader.Arguments) JsonReader.readArguments(line);
      assertThat(args.json()).as(line).isEqualTo(line);
      assertThat(write(args)).as(line).isEqualTo(line);
    }
    // Each other item, and each other spacing, makes the line one to write again.
    List<String> others = new ArrayList<>();
    for (String a : OTHER_ITEMS) {
      others.add("[" + a + "]");
      others.add("[1, " + a + "]");
      others.add("[[" + a + "], 1]");
    }
    others.addAll(List.of(" [1]", "[1] ", "[1,2]", "[1,  2]", "[1 , 2]", "[ ]", "[1,\t2]",
        "[1,\n2]", "[1, [2,3]]"));
    for (String line : others) {
      JsonReader.Arguments args = (JsonReader.Arguments) JsonReader.readArguments(line);
      assertThat(args).as(line).isNotNull();
      assertThat(args.json()).as(line).isNull();
    }
  }

  @Test
  void anEchoedLineIsAlwaysWhatTheWriterWrites() {
    // Every pair of items from both lists, with each separator: where the reader keeps the line
    // as its echo, the general writer must write exactly that line.
    List<String> items = new ArrayList<>(CANONICAL_ITEMS);
    items.addAll(OTHER_ITEMS);
    int echoed = 0;
    for (String a : items) {
      for (String b : items) {
        for (String sep : List.of(", ", ",", " ,", ",  ", ", \t")) {
          for (String line : List.of("[" + a + sep + b + "]", "[[" + a + "]" + sep + b + "]")) {
            JsonReader.Arguments args = (JsonReader.Arguments) JsonReader.readArguments(line);
            assertThat(args).as(line).isNotNull();
            if (args.json() != null) {
              echoed++;
              assertThat(args.json()).as(line).isEqualTo(write(args));
            }
          }
        }
      }
    }
    assertThat(echoed).isEqualTo(2 * CANONICAL_ITEMS.size() * CANONICAL_ITEMS.size());
  }

  @Test
  void readAndWrittenAgainLinesAreWhatPythonMakesOfThem() {
    assumeTrue(OracleHarness.available(), "/usr/bin/python3 missing");
    List<String> lines = new ArrayList<>();
    // A lone surrogate has no UTF-8: Python sees those strings only in their escaped form.
    strings().forEach(s -> lines.add("[" + json(s, true) + ", "
        + json(s, s.chars().anyMatch(c -> Character.isSurrogate((char) c))) + "]"));
    for (int digits = 1; digits <= 22; digits++) {
      lines.add("[" + "7".repeat(digits) + ", -" + "3".repeat(digits) + ", 0." + "5".repeat(digits)
          + "]");
    }
    for (String a : CANONICAL_ITEMS) {
      for (String b : OTHER_ITEMS) {
        lines.add("[" + a + ", " + b + "]");
        lines.add("[" + b + ", " + a + "]");
      }
    }
    lines.addAll(List.of("[]", "[null, true, false, NaN, Infinity, -Infinity]", "[-Inf]",
        "[nul]", "[-]", "[01]", "[-0, 1e400, -1e-400, 1.5E+3]", "[\"\\ud800\\udc00\", \"\\udc00\"]",
        "[[1, [2, []]], {\"a\": [3], \"a\": 4, \"b\": {}}]", "[1,]", "[1] x", "{\"a\": 1}",
        "[\"h5.bulk.test\", 80, \"AF_INET\", \"SOCK_STREAM\"]", " [ 1 ,\t2 ] "));
    List<String> python = python(lines);
    assertThat(python).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      List<PyValue> args = JsonReader.readArguments(lines.get(i));
      assertThat(args == null ? "null" : write(args)).as(lines.get(i)).isEqualTo(python.get(i));
      if (args instanceof JsonReader.Arguments a && a.json() != null) {
        assertThat(a.json()).as(lines.get(i)).isEqualTo(python.get(i));
      }
    }
  }

  private static String write(List<PyValue> args) {
    StringBuilder out = new StringBuilder();
    JsonWriter.array(out, args);
    return out.toString();
  }

  /** Returns {@code json.dumps(json.loads(line))} for each line, or null where it is no array. */
  private static List<String> python(List<String> lines) {
    return OracleHarness.run(List.of(OracleHarness.PYTHON.toString(), "-c", """
        import json, sys
        for line in sys.stdin.buffer.read().decode('utf-8').split('\\n')[:-1]:
            try:
                v = json.loads(line)
            except ValueError:
                v = None
            print(json.dumps(v) if isinstance(v, list) else 'null')
        """), String.join("\n", lines) + "\n");
  }
}
