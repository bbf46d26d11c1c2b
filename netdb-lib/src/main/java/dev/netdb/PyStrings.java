package dev.netdb;

/** Python's string rules where they differ from Java's. */
final class PyStrings {
  private PyStrings() {}

  /** Python's {@code str.strip()} with no argument: strips what {@code str.isspace()} accepts. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPySpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPySpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Python's {@code str.isspace()} for one char: bidirectional class WS, B or S, or category Zs.
   */
  static boolean isPySpace(char c) {
    if (Character.getType(c) == Character.SPACE_SEPARATOR) {
      return true;
    }
    byte d = Character.getDirectionality(c);
    return d == Character.DIRECTIONALITY_WHITESPACE
        || d == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
        || d == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
  }

  /** Throws Python's {@code UnicodeEncodeError} text for a lone surrogate, as UTF-8 encoding does. */
  static void checkUtf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new dev.netdb.IdnaException(
            "'utf-8' codec can't encode character '\\u" + String.format("%04x", (int) c)
                + "' in position " + i + ": surrogates not allowed", s);
      }
    }
  }
}
