package dev.netdb.cli;

import java.util.List;

/**
 * Applies the batch contract's conversions (shared with {@code tools/oracle.py}): at packed-address
 * positions a string of an even number of hex digits becomes {@code bytes}; at constant positions a
 * string of socket constant names joined by {@code |} becomes their OR. Other values stay as given.
 */
final class Conversions {
  private Conversions() {}

  /** Returns the arguments of a call to {@code func} with the conversions applied. */
  static List<PyValue> apply(String func, List<PyValue> args) {
    PyValue[] out = null; // an array, not new ArrayList<>(args), whose getClass() is a native call
    for (int i = 0, size = args.size(); i < size; i++) {
      PyValue v = args.get(i);
      PyValue c = v;
      if (v instanceof PyValue.PyStr(String s)) {
        if (isPacked(func, i)) {
          byte[] b = hex(s);
          if (b != null) {
            c = new PyValue.PyBytes(b);
          }
        } else if (isConstant(func, i)) {
          Integer n = Constants.parseNames(s);
          if (n != null) {
            c = PyValue.PyInt.of(n);
          }
        }
      }
      if (c != v && out == null) {
        out = new PyValue[size];
        for (int k = 0; k < i; k++) {
          out[k] = args.get(k);
        }
      }
      if (out != null) {
        out[i] = c;
      }
    }
    return out == null ? args : List.of(out);
  }

  private static boolean isPacked(String func, int i) {
    return switch (func) {
      case "inet_ntoa" -> i == 0;
      case "inet_ntop" -> i == 1;
      default -> false;
    };
  }

  private static boolean isConstant(String func, int i) {
    return switch (func) {
      case "inet_pton", "inet_ntop" -> i == 0;
      case "getaddrinfo" -> i >= 2 && i <= 5;
      case "getnameinfo" -> i == 1;
      default -> false;
    };
  }

  /** Returns the bytes of an even-length hex string, or null when it is not one. */
  static byte[] hex(String s) {
    if ((s.length() & 1) != 0) {
      return null;
    }
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0 || s.charAt(2 * i) > 'f' || s.charAt(2 * i + 1) > 'f') {
        return null; // Character.digit also accepts non-ASCII digits; Python's regex does not
      }
      b[i] = (byte) (hi << 4 | lo);
    }
    return b;
  }
}
