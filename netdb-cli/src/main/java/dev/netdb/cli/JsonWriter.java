package dev.netdb.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes Python values as Python's {@code json.dumps} does with its default settings: {@code ", "}
 * and {@code ": "} separators, ASCII only ({@code \\uXXXX} in lowercase hex), floats as {@code
 * repr}. Tuples and lists become arrays, enum members their names, bytes lowercase hex.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /** Appends the JSON form of a value. */
  static void write(StringBuilder out, PyValue v) {
    switch (v) {
      case PyValue.PyNone n -> out.append("null");
      case PyValue.PyBool b -> out.append(b.value() ? "true" : "false");
      case PyValue.PyInt i -> integer(out, i.value());
      case PyValue.PyFloat f -> out.append(floatRepr(f.value(), true));
      case PyValue.PyStr s -> string(out, s.value());
      case PyValue.PyBytes b -> out.append('"').append(hex(b.value())).append('"');
      case PyValue.PyEnum e -> string(out, e.name());
      case PyValue.PyTuple t -> array(out, t.items());
      case PyValue.PyList l -> {
        if (l.items() instanceof GetaddrinfoCommand.Results r) {
          r.writeJson(out); // the same text, from the library's results without the tuples
        } else {
          array(out, l.items());
        }
      }
      case PyValue.PyDict d -> object(out, d.entries());
    }
  }

  /** Appends an array of values. */
  static void array(StringBuilder out, List<PyValue> items) {
    out.append('[');
    // size() once: the lists are of several classes, so each call is an interface dispatch
    for (int i = 0, n = items.size(); i < n; i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(out, items.get(i));
    }
    out.append(']');
  }

  private static void object(StringBuilder out, Map<String, PyValue> entries) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, PyValue> e : entries.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      string(out, e.getKey());
      out.append(": ");
      write(out, e.getValue());
    }
    out.append('}');
  }

  /**
   * Appends an int as Python's {@code int.__repr__} does. One that fits a {@code long} is
   * appended as one, without {@link BigInteger#toString()}'s string of its own.
   */
  static void integer(StringBuilder out, BigInteger v) {
    if (v.bitLength() < Long.SIZE) {
      out.append(v.longValue());
    } else {
      out.append(v.toString());
    }
  }

  /** Appends a JSON string, escaped as Python's {@code ensure_ascii} does. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    // Most strings (names, addresses, constants) need no escape: append them whole, and escape
    // char by char only from the first char that needs it.
    int n = s.length();
    int clean = 0;
    while (clean < n && plain(s.charAt(clean))) {
      clean++;
    }
    if (clean == n) {
      out.append(s); // not append(s, 0, n): its range check asks the CharSequence for its length
    } else {
      out.append(s, 0, clean);
      escaped(out, s, clean);
    }
    out.append('"');
  }

  /** Reports whether a char stands for itself in {@code ensure_ascii} output. */
  private static boolean plain(char c) {
    return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
  }

  /** Appends {@code s} from {@code from} on, each char escaped as {@code ensure_ascii} does. */
  private static void escaped(StringBuilder out, String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 15])
                .append(HEX[(c >> 8) & 15])
                .append(HEX[(c >> 4) & 15])
                .append(HEX[c & 15]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** Returns bytes as lowercase hex, as Python's {@code bytes.hex()} does. */
  static String hex(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 15];
      out[2 * i + 1] = HEX[b[i] & 15];
    }
    return new String(out);
  }

  /**
   * Returns Python's {@code repr(float)}: the shortest round-tripping digits (which {@link
   * Double#toString} also finds), positional for exponents -4..15, otherwise {@code 1.5e+16}. In
   * JSON mode, infinities and NaN are written as {@code json.dumps} writes them.
   */
  static String floatRepr(double d, boolean json) {
    if (Double.isNaN(d)) {
      return json ? "NaN" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? (json ? "Infinity" : "inf") : (json ? "-Infinity" : "-inf");
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    StringBuilder b = new StringBuilder(digits.length() + 8);
    if (d < 0) {
      b.append('-');
    }
    if (exp < -4 || exp >= 16) {
      b.append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      b.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        b.append('0');
      }
      b.append(a);
    } else if (exp < 0) {
      b.append("0.");
      b.append("0".repeat(-exp - 1)).append(digits);
    } else if (digits.length() <= exp + 1) {
      b.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
    } else {
      b.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return b.toString();
  }
}
