package dev.netdb;

import java.net.IDN;

/**
 * Python's {@code idna} codec (IDNA 2003, {@code encodings/idna.py}), which CPython applies to
 * every {@code str} host name before a lookup.
 *
 * <p>The ASCII fast path is Python's own: labels are split on {@code .} only, case is kept, every
 * label but the last must be 1-63 bytes, and the last may be empty (a trailing dot) but not longer
 * than 63. Other input is split on the four IDNA dots and each label goes through ToASCII (RFC
 * 3490 §4.1, AllowUnassigned, no STD3 rules). Nameprep and Punycode come from {@link IDN}, which
 * implements the same RFC 3491 profile on Unicode 3.2 tables; its failures are translated to
 * Python's messages.
 */
final class Idna {
  private Idna() {}

  /**
   * Encodes a host name as Python's {@code str.encode('idna')} does, or throws {@link
   * IdnaException} with Python 3.11's message.
   */
  public static String encode(String input) {
    if (input.isEmpty()) {
      return input;
    }
    if (isAscii(input)) {
      return checkAsciiLabels(input);
    }
    StringBuilder out = new StringBuilder(input.length() + 8);
    int n = input.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && !isIdnaDot(input.charAt(i))) {
        continue;
      }
      // A final empty label after a dot is the trailing dot (idna.py: "if labels and not labels[-1]").
      boolean last = i == n;
      if (last && start == n && start > 0) {
        out.append('.');
        break;
      }
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(toAscii(input.substring(start, i), input));
      start = i + 1;
    }
    return out.toString();
  }

  private static String checkAsciiLabels(String input) {
    int start = 0;
    int n = input.length();
    for (int i = 0; i < n; i++) {
      if (input.charAt(i) == '.') {
        int len = i - start;
        if (len == 0 || len >= 64) {
          throw error("label empty or too long", input);
        }
        start = i + 1;
      }
    }
    if (n - start >= 64) {
      throw error("label too long", input);
    }
    return input;
  }

  /** ToASCII of one label, with idna.py's steps and messages. */
  private static String toAscii(String label, String input) {
    if (isAscii(label)) {
      return checkLength(label, input);
    }
    String ascii;
    try {
      ascii = IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw translate(e, label, input);
    }
    return checkLength(ascii, input);
  }

  private static String checkLength(String label, String input) {
    if (label.isEmpty() || label.length() >= 64) {
      throw error("label empty or too long", input);
    }
    return label;
  }

  private static IdnaException translate(IllegalArgumentException e, String label, String input) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("ACE Prefix")) {
      return error("Label starts with ACE prefix", input);
    }
    if (msg.contains("too long") || msg.contains("Empty label")) {
      return error("label empty or too long", input);
    }
    if (msg.contains("BiDi")) {
      return error(bidiViolation(label), input);
    }
    if (msg.contains("prohibited")) {
      int cp = firstProhibited(label);
      if (cp >= 0) {
        return error("Invalid character " + PyRepr.ofCodePoint(cp), input);
      }
    }
    return error("Invalid character in IDN label", input);
  }

  /**
   * Returns the first code point that nameprep prohibits on its own (RFC 3491 §5), which is the one
   * idna.py names; -1 if none does alone.
   */
  private static int firstProhibited(String label) {
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      try {
        IDN.toASCII(new String(Character.toChars(cp)), IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        if (String.valueOf(e.getMessage()).contains("prohibited")) {
          return cp;
        }
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** RFC 3454 §6: which of the bidi requirements the label breaks, in idna.py's order. */
  private static String bidiViolation(String label) {
    boolean anyL = false;
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      if (Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        anyL = true;
      }
      i += Character.charCount(cp);
    }
    return anyL ? "Violation of BIDI requirement 2" : "Violation of BIDI requirement 3";
  }

  private static IdnaException error(String reason, String input) {
    return new IdnaException(
        "encoding with 'idna' codec failed (UnicodeError: " + reason + ")", input);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3490 §3.1: full stop, ideographic full stop, fullwidth and halfwidth full stops. */
  private static boolean isIdnaDot(char c) {
    return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
  }
}
