package dev.netdb;

/** Python's {@code repr()} of short strings, for messages that quote them as Python does. */
final class PyRepr {
  private PyRepr() {}

  /** Returns {@code repr(chr(cp))}. */
  static String ofCodePoint(int cp) {
    StringBuilder b = new StringBuilder(12);
    char quote = cp == '\'' ? '"' : '\'';
    b.append(quote);
    appendEscaped(b, cp, quote);
    return b.append(quote).toString();
  }

  private static void appendEscaped(StringBuilder b, int cp, char quote) {
    switch (cp) {
      case '\\' -> b.append("\\\\");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (cp == quote) {
          b.append('\\').append((char) cp);
        } else if (isPrintable(cp)) {
          b.appendCodePoint(cp);
        } else if (cp < 0x100) {
          b.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          b.append(String.format("\\u%04x", cp));
        } else {
          b.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Python's {@code str.isprintable()} for one code point: not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs. */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
