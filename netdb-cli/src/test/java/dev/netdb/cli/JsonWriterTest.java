package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JsonWriter}'s fast paths against the general ones: a string with nothing to escape is
 * appended whole, the rest from its first escape on char by char; an int that fits a {@code long}
 * is written as one. Each is checked against a slow reference of Python's rules kept here, and the
 * escapes of every UTF-16 unit against {@code json.dumps} itself.
 */
class JsonWriterTest {
  /** A string to write, named, and its JSON as {@code json.dumps} writes it. */
  record Row(String name, String value, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> strings() {
    return Stream.of(
        new Row("empty", "", "\"\""),
        new Row("host name", "h5.bulk.test", "\"h5.bulk.test\""),
        new Row("constant", "AF_INET", "\"AF_INET\""),
        new Row("quote first", "\"a", "\"\\\"a\""),
        new Row("backslash last", "a\\", "\"a\\\\\""),
        new Row("named escapes", "\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""),
        new Row("other control", "a\u0001b\u001f", "\"a\\u0001b\\u001f\""),
        new Row("space and tilde stay", " ~", "\" ~\""),
        new Row("DEL is escaped", "\u007f", "\"\\u007f\""),
        new Row("latin-1", "caf\u00e9", "\"caf\\u00e9\""),
        new Row("BMP", "\u4e2d\u6587", "\"\\u4e2d\\u6587\""),
        new Row("surrogate pair", "x\ud83d\ude00y", "\"x\\ud83d\\ude00y\""),
        new Row("lone high surrogate", "\ud800", "\"\\ud800\""),
        new Row("lone low surrogate at end", "ab\udfff", "\"ab\\udfff\""),
        new Row("escape then plain tail", "\u00e9" + "x".repeat(40),
            "\"\\u00e9" + "x".repeat(40) + "\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void writesStringsAsPythonDoes(Row row) {
    StringBuilder out = new StringBuilder("prefix ");
    JsonWriter.string(out, row.value());
    assertThat(out.toString()).isEqualTo("prefix " + row.json());
    assertThat(reference(row.value())).isEqualTo(row.json());
  }

  @Test
  void everyUtf16UnitAtEveryPlaceAgreesWithTheReference() {
    for (int c = 0; c < 0x10000; c++) {
      String ch = String.valueOf((char) c);
      for (String s : List.of(ch, ch + "ab", "ab" + ch, "a" + ch + "b", ch + ch)) {
        StringBuilder out = new StringBuilder();
        JsonWriter.string(out, s);
        assertThat(out.toString()).as("U+%04X in %s", c, reference(s)).isEqualTo(reference(s));
      }
    }
  }

  @Test
  void everyUtf16UnitIsEscapedAsJsonDumpsDoes() {
    assumeTrue(OracleHarness.available(), "/usr/bin/python3 missing");
    List<String> python = OracleHarness.run(List.of(OracleHarness.PYTHON.toString(), "-c", """
        import json
        for c in range(0x10000):
            print(json.dumps(chr(c) + 'a' + chr(c)))
        """), "");
    assertThat(python).hasSize(0x10000);
    for (int c = 0; c < 0x10000; c++) {
      StringBuilder out = new StringBuilder();
      String ch = String.valueOf((char) c);
      JsonWriter.string(out, ch + "a" + ch);
      assertThat(out.toString()).as("U+%04X", c).isEqualTo(python.get(c));
    }
  }

  static Stream<BigInteger> integers() {
    List<BigInteger> out = new ArrayList<>();
    BigInteger two = BigInteger.TWO;
    for (int bits : new int[] {0, 1, 7, 8, 15, 16, 31, 32, 62, 63, 64, 65, 100, 1000}) {
      BigInteger p = two.pow(bits);
      for (BigInteger v : List.of(p, p.subtract(BigInteger.ONE), p.add(BigInteger.ONE))) {
        out.add(v);
        out.add(v.negate());
      }
    }
    out.add(BigInteger.valueOf(Long.MIN_VALUE));
    out.add(BigInteger.valueOf(Long.MAX_VALUE));
    out.add(BigInteger.TEN.pow(18));
    out.add(BigInteger.TEN.pow(19).negate());
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integers")
  void writesIntsAsBigIntegerToStringDoes(BigInteger v) {
    StringBuilder out = new StringBuilder();
    JsonWriter.write(out, new PyValue.PyInt(v));
    assertThat(out.toString()).isEqualTo(v.toString());
  }

  /** Python's {@code ensure_ascii} escaping, one char at a time ({@code Modules/_json.c}). */
  private static String reference(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> b.append(c >= ' ' && c <= '~' ? String.valueOf(c)
            : String.format("\\u%04x", (int) c));
      }
    }
    return b.append('"').toString();
  }
}
