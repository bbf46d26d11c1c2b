package dev.netdb.dns;

/**
 * Converts domain names between presentation form and wire form (RFC 1035 §3.1, §5.1).
 *
 * <p>Presentation form has no trailing dot (the root is {@code ""}); inside a label, {@code .},
 * {@code \} and the characters {@code "();@$} are escaped with a backslash, and bytes outside
 * {@code !}..{@code ~} as {@code \DDD}, as glibc's {@code ns_name_ntop} writes them. On input,
 * as in {@code ns_name_pton}, any other ASCII character (a space or a control character too) is
 * taken as it is; a trailing dot is accepted and ignored. Limits: a label is 1 to 63 bytes, a
 * whole name at most 255 bytes in wire form including the root label.
 */
public final class DnsName {
  private DnsName() {}

  /** The longest name in wire form, including the final zero byte (RFC 1035 §3.1). */
  public static final int MAX_WIRE_LENGTH = 255;

  /** The longest label (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL_LENGTH = 63;

  /**
   * Returns the uncompressed wire form of a presentation name, ending with the root label.
   *
   * @throws DnsFormatException for an empty label, a label over 63 bytes, a name over 255 bytes or
   *     a bad escape
   */
  public static byte[] toWire(String name) throws DnsFormatException {
    int n = name.length();
    if (n == 0 || name.equals(".")) {
      return new byte[] {0};
    }
    // Each character gives at most one byte (a dot becomes the next label's length byte, an
    // escape shrinks), plus the first length byte and the root: n + 2 bytes always suffice.
    byte[] out = new byte[n + 2];
    int at = 0; // the current label's length byte
    int size = 1;
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (len == 0) throw new DnsFormatException("empty label in name '" + name + "'");
        if (i == n - 1) break; // a trailing dot names the root explicitly
        out[at] = (byte) len;
        at = size++;
        len = 0;
        continue;
      }
      int b;
      if (c == '\\') {
        if (i + 1 >= n) throw new DnsFormatException("dangling escape in name '" + name + "'");
        char d = name.charAt(i + 1);
        if (isDigit(d)) {
          if (i + 3 >= n) throw new DnsFormatException("short \\DDD escape in name '" + name + "'");
          if (!isDigit(name.charAt(i + 2)) || !isDigit(name.charAt(i + 3))) {
            throw new DnsFormatException("bad \\DDD escape in name '" + name + "'");
          }
          b = (d - '0') * 100 + (name.charAt(i + 2) - '0') * 10 + (name.charAt(i + 3) - '0');
          if (b > 255) throw new DnsFormatException("\\DDD escape over 255 in name '" + name + "'");
          i += 3;
        } else {
          if (d > 0x7F) throw new DnsFormatException("non-ASCII character in name '" + name + "'");
          b = d;
          i += 1;
        }
      } else {
        // ns_name_pton takes any other byte as it is, control characters included: glibc sends
        // a\tb.example.test on the AI_CANONNAME paths (measured, QueryLogDifferentialTest).
        if (c > 0x7F) {
          throw new DnsFormatException("non-ASCII character in name '" + name + "'");
        }
        b = c;
      }
      if (len == MAX_LABEL_LENGTH) {
        throw new DnsFormatException("label longer than 63 bytes in name '" + name + "'");
      }
      out[size++] = (byte) b;
      len++;
    }
    if (len > 0) {
      out[at] = (byte) len;
      out[size++] = 0;
    } else {
      out[at] = 0;
      size = at + 1;
    }
    if (size > MAX_WIRE_LENGTH) {
      throw new DnsFormatException("name longer than 255 bytes: '" + name + "'");
    }
    return java.util.Arrays.copyOf(out, size);
  }

  /** Reports whether a presentation name is valid, the non-throwing twin of {@link #toWire}. */
  public static boolean isValid(String name) {
    try {
      toWire(name);
      return true;
    } catch (DnsFormatException e) {
      return false;
    }
  }

  /**
   * Reports whether a presentation name looks like a host name, as glibc 2.36's {@code res_hnok}
   * ({@code resolv/res-name-checking.c}) decides before {@code nss_dns} sends a query: every
   * character printable ASCII other than space ({@code !}..{@code ~}), the name valid for {@code
   * ns_name_pton} (see {@link #toWire}), the first label not starting with {@code -}, and every
   * label byte, after escapes are decoded, a letter, digit, {@code -} or {@code _}. So {@code
   * \097bc} (a decimal escape for {@code abc}) passes, while {@code a\.b}, {@code a\000b}, a
   * space, {@code *} or {@code <} fail. The root name passes.
   */
  public static boolean isHostName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c > '~') return false;
    }
    byte[] wire;
    try {
      wire = toWire(name);
    } catch (DnsFormatException e) {
      return false;
    }
    if (wire[0] > 0 && wire[1] == '-') return false;
    for (int p = 0; wire[p] != 0; p += wire[p] + 1) {
      for (int i = p + 1; i <= p + wire[p]; i++) {
        int b = wire[i];
        boolean ok = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')
            || b == '-' || b == '_';
        if (!ok) return false;
      }
    }
    return true;
  }

  /** Appends one wire label to {@code sb} in presentation form, with a separating dot if needed. */
  static void appendLabel(StringBuilder sb, byte[] buf, int off, int len) {
    if (sb.length() > 0) sb.append('.');
    for (int i = off; i < off + len; i++) {
      int b = buf[i] & 0xFF;
      switch (b) {
        case '.', '\\', '"', '(', ')', ';', '@', '$' -> sb.append('\\').append((char) b);
        default -> {
          if (b > 0x20 && b < 0x7F) {
            sb.append((char) b);
          } else {
            sb.append('\\').append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10));
            sb.append((char) ('0' + b % 10));
          }
        }
      }
    }
  }

  /** Returns the canonical presentation form of a name: escapes normalised, trailing dot dropped. */
  public static String canonical(String name) throws DnsFormatException {
    byte[] wire = toWire(name);
    StringBuilder sb = new StringBuilder(name.length());
    int p = 0;
    while (wire[p] != 0) {
      appendLabel(sb, wire, p + 1, wire[p]);
      p += wire[p] + 1;
    }
    return sb.toString();
  }

  /**
   * Reports whether two presentation names are equal ignoring ASCII case (RFC 4343); escapes are
   * compared as written, so pass canonical forms.
   */
  public static boolean equalsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) return false;
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && lower(x) != lower(y)) return false;
    }
    return true;
  }

  /** Returns the name with ASCII letters in lower case, for use as a cache key. */
  public static String lowerAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] cs = name.toCharArray();
        for (int j = i; j < cs.length; j++) cs[j] = lower(cs[j]);
        return new String(cs);
      }
    }
    return name;
  }

  /**
   * Counts every dot of a name, escaped or not and including a trailing one, exactly as glibc
   * {@code res_search} counts them against {@code ndots}.
   */
  public static int countDots(String name) {
    int dots = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') dots++;
    }
    return dots;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
