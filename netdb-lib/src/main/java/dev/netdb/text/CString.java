package dev.netdb.text;

import dev.netdb.IdnaException;
import dev.netdb.InvalidValueException;
import dev.netdb.NetDbException;

/**
 * Checks a Java string the way CPython's {@code PyArg_ParseTuple} format {@code "s"} converts a
 * {@code str} to a C string: first it is encoded as UTF-8, which fails on a lone surrogate ({@code
 * UnicodeEncodeError}), then it must not contain NUL ({@code ValueError}).
 *
 * <p>A Java surrogate pair is one code point, as it is in a Python {@code str} decoded from JSON or
 * UTF-8; a surrogate that is not part of a pair is a lone surrogate.
 */
public final class CString {
  private CString() {}

  /**
   * Returns the error Python raises while converting {@code s} to a C string, looking only at
   * {@code s[from..]} (the caller knows the prefix is ASCII without NUL), or null when there is none.
   */
  public static NetDbException problem(String s, int from) {
    final int n = s.length();
    boolean nul = false;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        nul = true;
      } else if (Character.isSurrogate(c) && !isPaired(s, i)) {
        return surrogates(s, i);
      } else if (Character.isHighSurrogate(c)) {
        i++; // the low half of a pair
      }
    }
    return nul ? new InvalidValueException("embedded null character", s) : null;
  }

  private static boolean isPaired(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /**
   * Builds CPython's {@code UnicodeEncodeError} for the run of lone surrogates starting at {@code
   * start}: its message counts code points and names a single character in {@code \\uXXXX} form.
   */
  private static NetDbException surrogates(String s, int start) {
    int end = start + 1;
    while (end < s.length() && Character.isSurrogate(s.charAt(end)) && !isPaired(s, end)) {
      end++;
    }
    int pos = s.codePointCount(0, start);
    int count = end - start;
    String message =
        count == 1
            ? String.format(
                "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
                (int) s.charAt(start), pos)
            : String.format(
                "'utf-8' codec can't encode characters in position %d-%d: surrogates not allowed",
                pos, pos + count - 1);
    return new IdnaException(message, s);
  }
}
