package dev.netdb.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Turns command-line words into Python arguments for the text mode of the commands. */
final class Words {
  private Words() {}

  /** Returns one single-argument call per word, each argument a {@code str}. */
  static List<List<PyValue>> eachAsStr(String command, List<String> words) {
    requireSome(command, words, "an argument");
    List<List<PyValue>> calls = new ArrayList<>(words.size());
    for (String w : words) {
      calls.add(List.of(new PyValue.PyStr(w)));
    }
    return calls;
  }

  /** Throws a usage error when there are no words. */
  static void requireSome(String command, List<String> words, String what) {
    if (words.isEmpty()) {
      throw new UsageException(command + " needs " + what);
    }
  }

  /** Returns an {@code int} for a decimal word (with an optional sign), else a {@code str}. */
  static PyValue intOrStr(String w) {
    return isInteger(w) ? new PyValue.PyInt(new BigInteger(w)) : new PyValue.PyStr(w);
  }

  /** Returns an {@code int} for a decimal word, or throws a usage error naming {@code what}. */
  static PyValue integer(String command, String what, String w) {
    if (!isInteger(w)) {
      throw new UsageException(command + ": " + what + " must be a number, not '" + w + "'");
    }
    return new PyValue.PyInt(new BigInteger(w));
  }

  /** Returns the {@code None} value for the word {@code None}, else a {@code str}. */
  static PyValue strOrNone(String w) {
    return "None".equals(w) ? PyValue.PyNone.NONE : new PyValue.PyStr(w);
  }

  /**
   * Returns a constant given by number or by names joined with {@code ,} or {@code |} (such as
   * {@code AI_PASSIVE,AI_CANONNAME}, kept as the text {@code "AI_PASSIVE|AI_CANONNAME"} that the
   * JSON call echoes), or throws a usage error.
   */
  static PyValue constant(String command, String option, String w) {
    if (isInteger(w)) {
      return new PyValue.PyInt(new BigInteger(w));
    }
    String names = w.replace(',', '|');
    if (Constants.parseNames(names) == null) {
      throw new UsageException(command + ": " + option + " takes a number or a socket constant"
          + " name such as AF_INET6, SOCK_DGRAM, IPPROTO_TCP or AI_CANONNAME, not '" + w + "'");
    }
    return new PyValue.PyStr(names); // Conversions.apply turns it into the number
  }

  /** Reports whether a word is a decimal integer with an optional sign. */
  static boolean isInteger(String w) {
    int start = w.startsWith("-") || w.startsWith("+") ? 1 : 0;
    if (w.length() == start) {
      return false;
    }
    for (int i = start; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
