package dev.netdb.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a database file into the lines glibc's {@code nss_files} hands to its line parsers, and
 * holds the C-library character and number rules those parsers use.
 *
 * <p>This reproduces {@code __nss_readline} (glibc 2.36 {@code nss/nss_readline.c}) followed by the
 * {@code strpbrk(line, "#\n")} cut at the start of every {@code LINE_PARSER}
 * ({@code nss/nss_files/files-parse.c}), on bytes, including two quirks that are visible from
 * Python: a NUL byte ends the line ({@code fgets} and C strings), and leading whitespace is removed
 * with a {@code memmove} that does not move the terminating NUL, so a last line with no newline and
 * {@code k} leading blanks is read with its last {@code k} bytes repeated ({@code "  a 91/tcp"} is
 * parsed as {@code "a 91/tcpcp"}; measured with Python 3.11 and getent on glibc 2.36).
 */
final class NssLines {
  private NssLines() {}

  /** Receives each line that is neither blank nor a comment. */
  interface LineHandler {
    /**
     * Handles one line.
     *
     * @param lineNumber the 1-based line number
     * @param raw the raw line bytes, without the newline
     * @param line what the parser sees: bytes after the readline rules and the {@code #} cut
     */
    void line(int lineNumber, byte[] raw, byte[] line);
  }

  /** Receives data lines until it returns true. */
  interface LineVisitor {
    boolean stopAfter(int lineNumber, byte[] raw, byte[] line);
  }

  /** Calls {@code handler} for every data line, as {@link #scanDataLines} does. */
  static void forEachDataLine(byte[] data, LineHandler handler) {
    scanDataLines(
        data,
        (number, raw, line) -> {
          handler.line(number, raw, line);
          return false;
        });
  }

  /**
   * Passes every line of {@code data} that glibc would parse to {@code visitor}, in file order,
   * until it returns true.
   */
  static void scanDataLines(byte[] data, LineVisitor visitor) {
    int lineNumber = 0;
    int start = 0;
    while (start < data.length) {
      lineNumber++;
      int nl = indexOf(data, (byte) '\n', start, data.length);
      int end = nl < 0 ? data.length : nl + 1; // fgets keeps the newline
      int lineStart = start;
      byte[] buf = new byte[end - start + 1]; // plus the NUL fgets appends
      System.arraycopy(data, start, buf, 0, end - start);
      start = end;
      int p = 0;
      while (isSpace(buf[p])) {
        p++;
      }
      if (buf[p] == 0 || buf[p] == '#') {
        continue; // __nss_readline: "Skip empty lines and comments."
      }
      if (p != 0) {
        int n = strlen(buf, p);
        System.arraycopy(buf, p, buf, 0, n); // memmove(buf, p, strlen(p)): the NUL stays behind
      }
      int len = strlen(buf, 0);
      int cut = len;
      for (int i = 0; i < len; i++) {
        if (buf[i] == '#' || buf[i] == '\n') {
          cut = i;
          break;
        }
      }
      if (visitor.stopAfter(
          lineNumber, stripNewline(data, lineStart, end), Arrays.copyOf(buf, cut))) {
        return;
      }
    }
  }

  private static byte[] stripNewline(byte[] data, int from, int to) {
    if (to > from && data[to - 1] == '\n') {
      to--;
    }
    return Arrays.copyOfRange(data, from, to);
  }

  private static int indexOf(byte[] a, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int strlen(byte[] a, int from) {
    int i = from;
    while (i < a.length && a[i] != 0) {
      i++;
    }
    return i - from;
  }

  /** Reports whether {@code b} is a space in the C locale's {@code isspace}. */
  static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  /** Decodes a field as UTF-8, as Python's {@code PyUnicode_FromString} would. */
  static String text(byte[] line, int from, int to) {
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Parses an unsigned number as glibc's {@code strtoul} does: optional sign, base 0 (hex with
   * {@code 0x}, octal with a leading {@code 0}) or 10, saturating at {@code ULONG_MAX} on overflow
   * and negating modulo 2<sup>64</sup> after a minus sign.
   *
   * @param end receives the index just past the number, or {@code from} when no digit was read
   * @return the 64-bit unsigned result, in a long's bits
   */
  static long strtoul(byte[] s, int from, int base, int[] end) {
    int i = from;
    while (i < s.length && isSpace(s[i])) {
      i++;
    }
    boolean negative = false;
    if (i < s.length && (s[i] == '+' || s[i] == '-')) {
      negative = s[i] == '-';
      i++;
    }
    if (base == 0) {
      if (i < s.length && s[i] == '0') {
        if (i + 1 < s.length && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
          if (i + 2 < s.length && digit(s[i + 2], 16) >= 0) {
            base = 16;
            i += 2;
          } else {
            end[0] = i + 1; // glibc: "0x" without hex digits converts the "0" and stops at 'x'
            return 0;
          }
        } else {
          base = 8;
        }
      } else {
        base = 10;
      }
    }
    int digitsFrom = i;
    long value = 0;
    boolean overflow = false;
    for (int d; i < s.length && (d = digit(s[i], base)) >= 0; i++) {
      if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, base)) > 0) {
        overflow = true;
      } else {
        value = value * base + d;
      }
    }
    if (i == digitsFrom) {
      end[0] = from;
      return 0;
    }
    end[0] = i;
    if (overflow) {
      return -1L; // ULONG_MAX, errno ERANGE
    }
    return negative ? -value : value;
  }

  private static int digit(byte b, int base) {
    int d;
    if (b >= '0' && b <= '9') {
      d = b - '0';
    } else if (b >= 'a' && b <= 'z') {
      d = b - 'a' + 10;
    } else if (b >= 'A' && b <= 'Z') {
      d = b - 'A' + 10;
    } else {
      return -1;
    }
    return d < base ? d : -1;
  }
}
