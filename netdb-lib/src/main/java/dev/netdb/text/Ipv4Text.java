package dev.netdb.text;

/**
 * Parses and formats IPv4 text exactly as glibc 2.36 does ({@code inet/inet_addr.c} for {@code
 * inet_aton}, {@code resolv/inet_pton.c} for {@code inet_pton}, {@code resolv/inet_ntop.c} for
 * {@code inet_ntop}).
 *
 * <p>The parsers never throw and never allocate: they return the address as the low 32 bits of a
 * {@code long}, or {@link #INVALID}. They read Java {@code char}s where glibc reads UTF-8 bytes;
 * that is the same thing because every accepted character is ASCII and every non-ASCII character
 * (whose UTF-8 bytes are all 0x80 or above) is rejected by both wherever it can appear.
 */
public final class Ipv4Text {
  /** Marks a string that the parser rejects. */
  public static final long INVALID = -1L;

  /** Caps a part's value once it exceeds 32 bits, so that long runs of digits cannot wrap. */
  private static final long TOO_BIG = 0x1_0000_0000L;

  private Ipv4Text() {}

  /**
   * Returns the address that glibc's {@code inet_aton} reads from {@code s}, or {@link #INVALID}.
   *
   * <p>glibc accepts 1 to 4 parts separated by dots; each part is read by {@code strtoul(..., 0)}
   * (decimal, octal after {@code 0}, hex after {@code 0x}/{@code 0X}) and must start with a digit;
   * the last part fills all the remaining bytes ({@code a.b.c} makes c 16 bits, {@code a.b} makes b
   * 24 bits, {@code a} is 32 bits). Parsing stops at the first character that is not part of a
   * number or a dot: the end, or an ASCII space character ({@code isspace}: space, \t \n \v \f \r),
   * after which anything is ignored; any other character is an error.
   */
  public static long parseAton(String s) {
    final int n = s.length();
    int i = 0;
    long result = 0;
    int parts = 0; // parts ended by a dot so far
    while (true) {
      if (i >= n) {
        return INVALID; // "" or a trailing dot: glibc needs isdigit() here
      }
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID;
      }
      long value;
      if (c != '0') {
        value = 0;
        while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
          value = Math.min(value * 10 + (c - '0'), TOO_BIG);
          i++;
        }
      } else if (i + 2 < n && (s.charAt(i + 1) | 0x20) == 'x' && hex(s.charAt(i + 2)) >= 0) {
        // strtoul takes "0x" as a prefix only when a hex digit follows; otherwise it reads "0"
        // and stops at the 'x', which then fails as a trailing character.
        i += 2;
        value = 0;
        int d;
        while (i < n && (d = hex(s.charAt(i))) >= 0) {
          value = Math.min((value << 4) | d, TOO_BIG);
          i++;
        }
      } else {
        // Octal: strtoul stops at '8' or '9', which then fails as a trailing character.
        value = 0;
        i++;
        while (i < n && (c = s.charAt(i)) >= '0' && c <= '7') {
          value = Math.min((value << 3) | (c - '0'), TOO_BIG);
          i++;
        }
      }
      if (value >= TOO_BIG) {
        return INVALID; // glibc: ul > 0xffffffff
      }
      if (i < n && s.charAt(i) == '.') {
        // A dotted part is one byte, and at most three parts may end in a dot.
        if (parts > 2 || value > 0xff) {
          return INVALID;
        }
        result |= value << (24 - 8 * parts);
        parts++;
        i++;
        continue;
      }
      if (i < n && !isCSpace(s.charAt(i))) {
        return INVALID;
      }
      // The last part fills what is left: 32, 24, 16 or 8 bits.
      if (value > (0xffff_ffffL >>> (8 * parts))) {
        return INVALID;
      }
      return result | value;
    }
  }

  /**
   * Returns the index of the first character after the address that {@link #parseAton} accepted:
   * {@code s.length()} or the index of the whitespace that ended it. Call only on accepted input.
   */
  public static int atonEnd(String s) {
    final int n = s.length();
    for (int i = 0; i < n; i++) {
      if (isCSpace(s.charAt(i))) {
        return i;
      }
    }
    return n;
  }

  /**
   * Returns the address that glibc's {@code inet_pton(AF_INET)} reads from {@code s[from, to)}, or
   * {@link #INVALID}: exactly four decimal octets of at most 255, no leading zeros, nothing else.
   */
  public static long parsePton(String s, int from, int to) {
    // The shortest text is 0.0.0.0 and the longest 255.255.255.255. With three dots required, a
    // part has at most 9 digits, so value cannot overflow before the check at its dot or the end.
    if (to - from < 7 || to - from > 15) {
      return INVALID;
    }
    // One pass, one branch per character class, no nested loops: this is the hot path of
    // getaddrinfo's numeric-host check and of every IPv4 literal.
    long result = 0;
    int value = 0;
    int digits = 0;
    int dots = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int d = c - '0';
      if (d >= 0 && d <= 9) {
        if (digits == 1 && value == 0) {
          return INVALID; // glibc: a leading zero followed by a digit
        }
        value = value * 10 + d;
        digits++;
      } else if (c == '.' && digits > 0 && dots < 3 && value <= 255) {
        result = (result << 8) | value;
        value = 0;
        digits = 0;
        dots++;
      } else {
        return INVALID;
      }
    }
    if (dots != 3 || digits == 0 || value > 255) {
      return INVALID;
    }
    return (result << 8) | value;
  }

  /** Returns the 4 bytes of {@code address}, most significant first. */
  public static byte[] toBytes(long address) {
    return new byte[] {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
  }

  /** Returns {@code b[off..off+3]} as {@code a.b.c.d}, as glibc's {@code inet_ntop4} writes it. */
  public static String format(byte[] b, int off) {
    // String concatenation with int operands sizes the result exactly and writes the digits into
    // it directly, so the String and its array are the only allocations.
    return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "."
        + (b[off + 3] & 0xff);
  }

  /** Writes {@code b[off..off+3]} as {@code a.b.c.d} into {@code out} at {@code pos}; returns the end. */
  static int write(byte[] b, int off, byte[] out, int pos) {
    for (int k = 0; k < 4; k++) {
      if (k > 0) {
        out[pos++] = '.';
      }
      int v = b[off + k] & 0xff;
      if (v >= 100) {
        out[pos++] = (byte) ('0' + v / 100);
        v %= 100;
        out[pos++] = (byte) ('0' + v / 10);
        out[pos++] = (byte) ('0' + v % 10);
      } else if (v >= 10) {
        out[pos++] = (byte) ('0' + v / 10);
        out[pos++] = (byte) ('0' + v % 10);
      } else {
        out[pos++] = (byte) ('0' + v);
      }
    }
    return pos;
  }

  /** Returns the value of an ASCII hex digit, or -1 (glibc {@code hex_digit_value}/{@code isxdigit}). */
  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int l = c | 0x20;
    if (l >= 'a' && l <= 'f' && c < 0x80) {
      return l - 'a' + 10;
    }
    return -1;
  }

  /** Reports whether {@code c} is ASCII white space as C's {@code isspace} sees it. */
  static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
