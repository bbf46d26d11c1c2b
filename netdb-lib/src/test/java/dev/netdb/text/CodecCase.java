package dev.netdb.text;

import dev.netdb.Inet;
import dev.netdb.NetDbException;
import java.util.HexFormat;

/**
 * Holds one call of a text codec, with a way to run it through {@link Inet} and to write it for the
 * Python oracle.
 *
 * @param op one of {@code aton ntoa pton ntop}
 * @param family the family number for {@code pton}/{@code ntop}, otherwise 0
 * @param text the string argument, or null
 * @param packed the bytes argument, or null
 */
record CodecCase(String op, int family, String text, byte[] packed) {
  static CodecCase aton(String text) {
    return new CodecCase("aton", 0, text, null);
  }

  static CodecCase ntoa(byte[] packed) {
    return new CodecCase("ntoa", 0, null, packed);
  }

  static CodecCase pton(int family, String text) {
    return new CodecCase("pton", family, text, null);
  }

  static CodecCase ntop(int family, byte[] packed) {
    return new CodecCase("ntop", family, null, packed);
  }

  /**
   * Returns the outcome in the oracle's line format: {@code R\tVALUE} (bytes as lower-case hex) or
   * {@code E\tTYPE\tCODE\tMESSAGE} ({@code CODE} is {@code -} when Python has none).
   */
  String runJava() {
    try {
      return switch (op) {
        case "aton" -> "R\t" + HexFormat.of().formatHex(Inet.aton(text));
        case "ntoa" -> "R\t" + Inet.ntoa(packed);
        case "pton" -> "R\t" + HexFormat.of().formatHex(Inet.pton(family, text));
        case "ntop" -> "R\t" + Inet.ntop(family, packed);
        default -> throw new IllegalStateException(op);
      };
    } catch (NetDbException e) {
      return "E\t"
          + e.kind().pythonName()
          + "\t"
          + (e.code().isPresent() ? Integer.toString(e.code().getAsInt()) : "-")
          + "\t"
          + e.pythonMessage();
    }
  }

  /** Returns the request line for the oracle: a JSON array, all non-ASCII escaped. */
  String toJson() {
    StringBuilder b = new StringBuilder(64).append("[\"").append(op).append("\",").append(family);
    b.append(',');
    if (text != null) {
      quote(b, text);
    } else {
      b.append('"').append(HexFormat.of().formatHex(packed)).append('"');
    }
    return b.append(']').toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    b.append('"');
  }

  @Override
  public String toString() {
    return toJson();
  }
}
