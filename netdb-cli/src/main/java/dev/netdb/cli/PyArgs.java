package dev.netdb.cli;

import dev.netdb.cli.PyValue.PyBool;
import dev.netdb.cli.PyValue.PyFloat;
import dev.netdb.cli.PyValue.PyInt;
import dev.netdb.cli.PyValue.PyNone;
import dev.netdb.cli.PyValue.PyStr;
import dev.netdb.cli.PyValue.PyTuple;
import java.math.BigInteger;
import java.util.List;

/**
 * Converts call arguments as CPython 3.11's {@code PyArg_ParseTuple} format units do, raising the
 * same {@code TypeError}, {@code OverflowError} and {@code ValueError} messages
 * ({@code Python/getargs.c}: {@code converterr}, {@code "s"}, {@code "i"}, {@code "I"}, {@code
 * "y*"}).
 */
final class PyArgs {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private PyArgs() {}

  /** Checks the count for a function taking exactly {@code n} arguments ({@code METH_VARARGS}). */
  static void exactly(String func, List<PyValue> args, int n) {
    if (args.size() != n) {
      throw PyError.typeError(
          func + "() takes exactly " + n + " argument" + (n == 1 ? "" : "s") + " ("
              + args.size() + " given)");
    }
  }

  /** Checks the count for a function taking {@code min}..{@code max} arguments ({@code "s|s"}). */
  static void between(String func, List<PyValue> args, int min, int max) {
    if (args.size() < min) {
      throw PyError.typeError(
          func + "() takes at least " + min + " argument" + (min == 1 ? "" : "s") + " ("
              + args.size() + " given)");
    }
    if (args.size() > max) {
      throw PyError.typeError(
          func + "() takes at most " + max + " argument" + (max == 1 ? "" : "s") + " ("
              + args.size() + " given)");
    }
  }

  /** Returns the name {@code converterr} prints for a value's type ({@code None} for None). */
  static String converterrName(PyValue v) {
    return v instanceof PyNone ? "None" : v.typeName();
  }

  /**
   * Converts format unit {@code "s"}: a {@code str} without NUL that encodes to UTF-8 (lone
   * surrogates raise {@code UnicodeEncodeError}).
   */
  static String str(String func, int index, PyValue v) {
    if (!(v instanceof PyStr(String s))) {
      throw PyError.typeError(
          func + "() argument " + index + " must be str, not " + converterrName(v));
    }
    checkUtf8(s);
    if (s.indexOf('\0') >= 0) {
      throw PyError.valueError("embedded null character");
    }
    return s;
  }

  /** Raises Python's {@code UnicodeEncodeError} when a string holds a lone surrogate. */
  static void checkUtf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        int end = i + 1;
        while (end < s.length() && Character.isSurrogate(s.charAt(end))
            && !(Character.isHighSurrogate(s.charAt(end)) && end + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(end + 1)))) {
          end++;
        }
        int cp = s.codePointCount(0, i);
        String where = end - i == 1
            ? "character '\\u" + Integer.toHexString(c) + "' in position " + cp
            : "characters in position " + cp + "-" + (s.codePointCount(0, end) - 1);
        throw new PyError(
            "UnicodeEncodeError", null,
            "'utf-8' codec can't encode " + where + ": surrogates not allowed");
      }
    }
  }

  /** Returns the exact integer of an {@code int} or {@code bool}, or raises Python's TypeError. */
  static BigInteger index(PyValue v) {
    return switch (v) {
      case PyInt(BigInteger i) -> i;
      case PyBool(boolean b) -> b ? BigInteger.ONE : BigInteger.ZERO;
      case PyValue.PyEnum e -> BigInteger.valueOf(e.value());
      default -> throw PyError.typeError(
          "'" + v.typeName() + "' object cannot be interpreted as an integer");
    };
  }

  /** Converts {@code PyLong_AsLong}: OverflowError beyond a C long. */
  static long asLong(PyValue v) {
    BigInteger i = index(v);
    if (i.compareTo(LONG_MIN) < 0 || i.compareTo(LONG_MAX) > 0) {
      throw PyError.overflow("Python int too large to convert to C long");
    }
    return i.longValue();
  }

  /** Converts format unit {@code "i"}: a C int. */
  static int asInt(PyValue v) {
    long l = asLong(v);
    if (l > Integer.MAX_VALUE) {
      throw PyError.overflow("signed integer is greater than maximum");
    }
    if (l < Integer.MIN_VALUE) {
      throw PyError.overflow("signed integer is less than minimum");
    }
    return (int) l;
  }

  /** Converts format unit {@code "I"}: an unsigned int, masked without overflow checking. */
  static long asUnsignedIntMask(PyValue v) {
    return index(v).longValue() & 0xFFFF_FFFFL;
  }

  /** Converts format unit {@code "y*"}: a bytes-like object. */
  static byte[] bytes(PyValue v) {
    if (v instanceof PyValue.PyBytes(byte[] b)) {
      return b;
    }
    throw PyError.typeError("a bytes-like object is required, not '" + v.typeName() + "'");
  }

  /** Converts format unit {@code "et"}: str for a host; bytes never arrive from JSON. */
  static String hostStr(String func, PyValue v) {
    if (v instanceof PyStr(String s)) {
      if (s.indexOf('\0') >= 0) {
        throw PyError.typeError(
            func + "() argument 1 must be encoded string without null bytes, not str");
      }
      return s;
    }
    throw PyError.typeError(
        func + "() argument 1 must be str, bytes or bytearray, not " + converterrName(v));
  }

  /** Reports whether a value is a Python {@code float} (never an integer in Python's eyes). */
  static boolean isFloat(PyValue v) {
    return v instanceof PyFloat;
  }

  /** Returns a tuple's items, or null when the value is not a tuple. */
  static List<PyValue> tuple(PyValue v) {
    return v instanceof PyTuple(List<PyValue> items) ? items : null;
  }
}
