package dev.netdb.text;

/**
 * Checks a Java string the way CPython's {@code PyArg_ParseTuple} format {@code "s"} converts a
 * {@code str} to a C string: first it is encoded as UTF-8, which fails on a lone surrogate ({@code
 * UnicodeEncodeError}), then it must not contain NUL ({@code ValueError}).
 *
 * <p>A Java surrogate pair is one code point, as it is in a Python {@code str} decoded from JSON or
 * UTF-8; a surrogate that is not part of a pair is a lone surrogate.
 *
 * <p>Nothing here throws or allocates on the way to "no problem": {@link #check} returns an int,
 * and the public edge ({@code dev.netdb.Inet}, the Python layer) raises the exception.
 */
public final class CString {
  /** {@link #check} found nothing wrong. */
  public static final int OK = -1;

  /** {@link #check} found a NUL character and no lone surrogate: Python's {@code ValueError}. */
  public static final int NUL = -2;

  private CString() {}

  /**
   * Returns what Python finds while converting {@code s} to a C string, looking only at {@code
   * s[from..]} (the caller knows the prefix is ASCII without NUL): {@link #OK}, {@link #NUL}, or the
   * index of the first lone surrogate (0 or more), which fails first since encoding comes before the
   * NUL check.
   */
  public static int check(String s, int from) {
    final int n = s.length();
    boolean nul = false;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        nul = true;
      } else if (Character.isSurrogate(c) && !isPaired(s, i)) {
        return i;
      } else if (Character.isHighSurrogate(c)) {
        i++; // the low half of a pair
      }
    }
    return nul ? NUL : OK;
  }

  /** Returns the message of Python's {@code ValueError} for a string holding NUL. */
  public static String nulMessage() {
    return "embedded null character";
  }

  private static boolean isPaired(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /**
   * Returns the message of CPython's {@code UnicodeEncodeError} for the run of lone surrogates
   * starting at {@code start} (an index {@link #check} returned): it counts code points and names a
   * single character in {@code \\uXXXX} form.
   */
  public static String surrogateMessage(String s, int start) {
    int end = start + 1;
    while (end < s.length() && Character.isSurrogate(s.charAt(end)) && !isPaired(s, end)) {
      end++;
    }
    int pos = s.codePointCount(0, start);
    int count = end - start;
    return count == 1
        ? String.format(
            "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
            (int) s.charAt(start), pos)
        : String.format(
            "'utf-8' codec can't encode characters in position %d-%d: surrogates not allowed",
            pos, pos + count - 1);
  }
}
