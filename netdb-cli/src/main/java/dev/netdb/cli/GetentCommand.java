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

  /** Appends {@code s} left-justified in {@code width} columns, as {@code printf("%-Ns")}. */
  static void padRight(StringBuilder out, String s, int width) {
    out.append(s);
    for (int i = s.length(); i < width; i++) {
      out.append(' ');
    }
  }
}
