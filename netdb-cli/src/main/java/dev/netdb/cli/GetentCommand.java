package dev.netdb.cli;

import java.util.List;

/**
 * A database of {@code getent}, with its output format and exit codes (glibc 2.36 {@code
 * nss/getent.c}): 0 when every key was found, 2 when any was not.
 */
interface GetentCommand {
  /** Returns the database name. */
  String name();

  /** Looks up each key (or lists the database) and returns getent's exit status. */
  int run(Session session, List<String> keys, StringBuilder out);

  /**
   * Appends {@code s} left-justified to {@code width} bytes, as {@code printf("%-Ns")} does: C's
   * printf counts the bytes of the UTF-8 text, not characters, so {@code café} (5 bytes) gets 16
   * spaces at width 21 (measured with glibc 2.36's {@code getent services}).
   */
  static void padRight(StringBuilder out, String s, int width) {
    out.append(s);
    for (int i = utf8Length(s); i < width; i++) {
      out.append(' ');
    }
  }

  /**
   * Returns the length of {@code s} in UTF-8 bytes, as the output writer encodes it (a lone
   * surrogate becomes the one byte {@code ?}); counts without allocating.
   */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return n;
  }
}
