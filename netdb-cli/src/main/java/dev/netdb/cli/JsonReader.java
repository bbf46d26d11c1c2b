package dev.netdb.cli;

import dev.netdb.cli.PyValue.PyBool;
import dev.netdb.cli.PyValue.PyDict;
import dev.netdb.cli.PyValue.PyFloat;
import dev.netdb.cli.PyValue.PyInt;
import dev.netdb.cli.PyValue.PyNone;
import dev.netdb.cli.PyValue.PyStr;
import dev.netdb.cli.PyValue.PyTuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one line of JSON into Python values with the rules of Python's {@code json.loads}: arrays
 * become tuples, objects dicts, numbers without fraction or exponent {@code int}s of any size, other
 * numbers {@code float}s; {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted; control
 * characters inside strings are not (strict mode).
 */
final class JsonReader {
  /** The nesting depth {@link #readArguments(String)} allows, the batch default. */
  static final int DEFAULT_MAX_DEPTH = 64;

  private final String s;
  private final int maxDepth;
  private int pos;

  private JsonReader(String s, int maxDepth) {
    this.s = s;
    this.maxDepth = maxDepth;
  }

  /** Returns the array of call arguments on the line, or null when the line is not one JSON array. */
  static List<PyValue> readArguments(String line) {
    try {
      return readArguments(line, DEFAULT_MAX_DEPTH);
    } catch (TooDeep e) {
      return null;
    }
  }

  /**
   * Returns the array of call arguments on the line, or null when the line is not one JSON array;
   * throws {@link TooDeep} when arrays and objects nest deeper than {@code maxDepth} (the argument
   * array itself is depth 1). CPython's decoder has no such limit of its own: it recurses until the
   * interpreter's recursion limit and raises {@code RecursionError}; a fixed, documented bound keeps
   * the reader's stack and memory small whatever the input.
   */
  static List<PyValue> readArguments(String line, int maxDepth) throws TooDeep {
    JsonReader r = new JsonReader(line, maxDepth);
    try {
      r.skipSpace();
      if (r.pos >= line.length() || line.charAt(r.pos) != '[') {
        return null;
      }
      PyValue v = r.value(1);
      r.skipSpace();
      return r.pos == line.length() ? ((PyTuple) v).items() : null;
    } catch (TooDeep e) {
      throw e;
    } catch (Malformed e) {
      return null;
    } catch (StackOverflowError e) {
      // Only when --max-depth was raised past what the thread's stack holds.
      throw new TooDeep();
    }
  }

  /** Signals malformed JSON; it carries no stack trace, as it is an expected outcome. */
  private static class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }

  /** Signals arrays or objects nested deeper than the limit; no stack trace. */
  static final class TooDeep extends Malformed {
    private static final long serialVersionUID = 1L;
  }

  private void skipSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private PyValue value(int depth) throws Malformed {
    skipSpace();
    if (pos >= s.length()) {
      throw new Malformed();
    }
    char c = s.charAt(pos);
    switch (c) {
      case '[':
        return array(depth);
      case '{':
        return object(depth);
      case '"':
        return new PyStr(string());
      default:
        break;
    }
    if (s.startsWith("null", pos)) {
      pos += 4;
      return PyNone.NONE;
    }
    if (s.startsWith("true", pos)) {
      pos += 4;
      return new PyBool(true);
    }
    if (s.startsWith("false", pos)) {
      pos += 5;
      return new PyBool(false);
    }
    if (s.startsWith("NaN", pos)) {
      pos += 3;
      return new PyFloat(Double.NaN);
    }
    if (s.startsWith("Infinity", pos)) {
      pos += 8;
      return new PyFloat(Double.POSITIVE_INFINITY);
    }
    if (s.startsWith("-Infinity", pos)) {
      pos += 9;
      return new PyFloat(Double.NEGATIVE_INFINITY);
    }
    return number();
  }

  private PyValue array(int depth) throws Malformed {
    if (depth > maxDepth) {
      throw new TooDeep();
    }
    pos++;
    List<PyValue> items = new ArrayList<>();
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return new PyTuple(List.copyOf(items));
    }
    while (true) {
      items.add(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == ']') {
        return new PyTuple(java.util.Collections.unmodifiableList(items));
      }
      if (c != ',') {
        throw new Malformed();
      }
    }
  }

  private PyValue object(int depth) throws Malformed {
    if (depth > maxDepth) {
      throw new TooDeep();
    }
    pos++;
    Map<String, PyValue> entries = new LinkedHashMap<>();
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      return new PyDict(entries);
    }
    while (true) {
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw new Malformed();
      }
      String key = string();
      skipSpace();
      if (next() != ':') {
        throw new Malformed();
      }
      entries.put(key, value(depth + 1)); // a repeated key keeps its first place, last value
      skipSpace();
      char c = next();
      if (c == '}') {
        return new PyDict(entries);
      }
      if (c != ',') {
        throw new Malformed();
      }
    }
  }

  private char next() throws Malformed {
    if (pos >= s.length()) {
      throw new Malformed();
    }
    return s.charAt(pos++);
  }

  private String string() throws Malformed {
    pos++;
    StringBuilder b = null;
    int start = pos;
    while (true) {
      char c = next();
      if (c == '"') {
        return b == null ? s.substring(start, pos - 1) : b.toString();
      }
      if (c < 0x20) {
        throw new Malformed();
      }
      if (c != '\\') {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder().append(s, start, pos - 1);
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(hex4());
        default -> throw new Malformed();
      }
    }
  }

  private char hex4() throws Malformed {
    if (pos + 4 > s.length()) {
      throw new Malformed();
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(s.charAt(pos++), 16);
      if (d < 0) {
        throw new Malformed();
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private PyValue number() throws Malformed {
    int start = pos;
    if (pos < s.length() && s.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= s.length()) {
      throw new Malformed();
    }
    if (s.charAt(pos) == '0') {
      pos++;
    } else if (isDigit(pos)) {
      while (isDigit(pos)) {
        pos++;
      }
    } else {
      throw new Malformed();
    }
    boolean isFloat = false;
    if (pos + 1 < s.length() && s.charAt(pos) == '.' && isDigit(pos + 1)) {
      isFloat = true;
      pos++;
      while (isDigit(pos)) {
        pos++;
      }
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int p = pos + 1;
      if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
        p++;
      }
      if (isDigit(p)) {
        isFloat = true;
        pos = p;
        while (isDigit(pos)) {
          pos++;
        }
      }
    }
    String text = s.substring(start, pos);
    return isFloat ? new PyFloat(Double.parseDouble(text)) : new PyInt(new BigInteger(text));
  }

  private boolean isDigit(int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
