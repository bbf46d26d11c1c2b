package dev.netdb.cli;

import dev.netdb.cli.PyValue.PyBool;
import dev.netdb.cli.PyValue.PyDict;
import dev.netdb.cli.PyValue.PyFloat;
import dev.netdb.cli.PyValue.PyInt;
import dev.netdb.cli.PyValue.PyNone;
import dev.netdb.cli.PyValue.PyStr;
import dev.netdb.cli.PyValue.PyTuple;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Decodes one line of JSON into Python values with the rules of Python's {@code json.loads}: arrays
 * become tuples, objects dicts, numbers without fraction or exponent {@code int}s of any size, other
 * numbers {@code float}s; {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted; control
 * characters inside strings are not (strict mode).
 */
final class JsonReader {
  /** The nesting depth {@link #readArguments(String)} allows, the batch default. */
  static final int DEFAULT_MAX_DEPTH = 64;

  /**
   * The most chars, sign included, of an integer read as a {@code long} rather than through
   * {@link BigInteger}: 18 digits never overflow.
   */
  private static final int MAX_LONG_DIGITS = 18;

  private final String s;
  private final int maxDepth;
  private int pos;
  /** Whether the text read so far is what {@code json.dumps} writes for its values. */
  private boolean canonical = true;
  /** The items of the arrays being read, innermost last; see {@link #push}. */
  private PyValue[] items = new PyValue[8];
  private int top;

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
      PyValue[] args = r.items(1);
      r.skipSpace();
      return r.pos == line.length() ? new Arguments(args, r.canonical ? line : null) : null;
    } catch (TooDeep e) {
      throw e;
    } catch (Malformed e) {
      return null;
    } catch (StackOverflowError e) {
      // Only when --max-depth was raised past what the thread's stack holds.
      throw new TooDeep();
    }
  }

  /**
   * The arguments of one call as read from its line; also the line itself where it is already
   * what {@link JsonWriter#array} writes for them (Python's {@code json.dumps} of them), so that
   * the call's echo in the output can be the line as it stands.
   */
  static final class Arguments extends AbstractList<PyValue> implements RandomAccess {
    private final PyValue[] items;
    private final String json;

    private Arguments(PyValue[] items, String json) {
      this.items = items;
      this.json = json;
    }

    @Override
    public PyValue get(int index) {
      return items[index];
    }

    @Override
    public int size() {
      return items.length;
    }

    /** Returns the line when it is the arguments' JSON to the byte, else null. */
    String json() {
      return json;
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
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      pos++;
    }
    if (pos != start) {
      canonical = false; // json.dumps puts no space but the one after each comma
    }
  }

  private PyValue value(int depth) throws Malformed {
    skipSpace();
    if (pos >= s.length()) {
      throw new Malformed();
    }
    // By the first char: json.loads tries its literals only where their first char stands.
    return switch (s.charAt(pos)) {
      case '[' -> array(depth);
      case '{' -> object(depth);
      case '"' -> new PyStr(string());
      case 'n' -> literal("null", PyNone.NONE);
      case 't' -> literal("true", new PyBool(true));
      case 'f' -> literal("false", new PyBool(false));
      case 'N' -> literal("NaN", new PyFloat(Double.NaN));
      case 'I' -> literal("Infinity", new PyFloat(Double.POSITIVE_INFINITY));
      case '-' -> s.startsWith("-Infinity", pos)
          ? literal("-Infinity", new PyFloat(Double.NEGATIVE_INFINITY)) : number();
      default -> number();
    };
  }

  /** Returns {@code v} past the literal {@code word}, which must stand at the position. */
  private PyValue literal(String word, PyValue v) throws Malformed {
    if (!s.startsWith(word, pos)) {
      throw new Malformed();
    }
    pos += word.length();
    return v;
  }

  private PyValue array(int depth) throws Malformed {
    return new PyTuple(List.of(items(depth)));
  }

  /** Returns the items of the array at the position. */
  private PyValue[] items(int depth) throws Malformed {
    if (depth > maxDepth) {
      throw new TooDeep();
    }
    pos++;
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return new PyValue[0];
    }
    int base = top;
    while (true) {
      push(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == ']') {
        return pop(base);
      }
      if (c != ',') {
        throw new Malformed();
      }
      if (pos < s.length() && s.charAt(pos) == ' ') {
        pos++; // the one space json.dumps writes there; value() finds any other
      } else {
        canonical = false;
      }
    }
  }

  /**
   * Pushes an array's item onto {@link #items}. The items of the arrays being read share that one
   * stack, and a finished array takes its own off the top (a reader lives for one line, so what
   * is left above the top is soon garbage with it): no list grown item by item, and no {@code
   * Collections.unmodifiableList}, whose {@code getClass()} showed in a batch's profile as a native
   * call, one a line.
   */
  private void push(PyValue v) {
    if (top == items.length) {
      PyValue[] grown = new PyValue[2 * top];
      System.arraycopy(items, 0, grown, 0, top);
      items = grown;
    }
    items[top++] = v;
  }

  /** Returns the items pushed since {@code base} and takes them off the stack. */
  private PyValue[] pop(int base) {
    PyValue[] out = new PyValue[top - base];
    System.arraycopy(items, base, out, 0, out.length);
    top = base;
    return out;
  }

  private PyValue object(int depth) throws Malformed {
    if (depth > maxDepth) {
      throw new TooDeep();
    }
    canonical = false; // not worth the check: no batch's arguments hold objects but rarely
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
    int start = ++pos;
    // Most strings have no escape: find the closing quote, and take the chars between as they are.
    for (int i = start, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        pos = i + 1;
        return s.substring(start, i);
      }
      if (c == '\\' || c < 0x20) {
        pos = i; // the loop below goes on from the first char that needs more than a copy
        break;
      }
      if (c > 0x7e) {
        canonical = false; // json.dumps writes it as an escape
      }
    }
    canonical = false; // an escape: json.dumps may write it otherwise
    StringBuilder b = null;
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
    if (isFloat) {
      canonical = false; // json.dumps writes float.__repr__, not the digits given
    }
    if (!isFloat && pos - start <= MAX_LONG_DIGITS) {
      long v = digits(start, pos);
      if (v == 0 && pos - start > 1) {
        canonical = false; // -0, written 0
      }
      return PyInt.of(v);
    }
    String text = s.substring(start, pos);
    return isFloat ? new PyFloat(Double.parseDouble(text)) : new PyInt(new BigInteger(text));
  }

  /** Returns the value of an optional {@code -} and digits in {@code s[from..to)}; no overflow. */
  private long digits(int from, int to) {
    boolean negative = s.charAt(from) == '-';
    long v = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return negative ? -v : v;
  }

  private boolean isDigit(int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
