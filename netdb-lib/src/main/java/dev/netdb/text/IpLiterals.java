package dev.netdb.text;


/**
 * The numeric-address and C-string helpers the resolver needs, over the glibc-exact codecs of
 * {@code dev.netdb.text}: {@code __inet_aton_exact}, {@code inet_pton} for both families, {@code
 * inet_ntop}, v4-mapping and {@code strtoul}. No method throws on bad text: parsers return null.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /** Returns the text up to its first NUL, as C sees a {@code char *}. */
  public static String cString(String s) {
    if (s == null) {
      return null;
    }
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  /**
   * Parses with glibc {@code __inet_aton_exact}: {@code inet_aton}'s 1-4 parts (decimal, octal,
   * hex; the last part fills the remaining bytes) with no trailing text at all; null if invalid.
   */
  public static byte[] atonExact(String s) {
    long v = Ipv4Text.parseAton(s);
    if (v == Ipv4Text.INVALID || Ipv4Text.atonEnd(s) != s.length()) {
      return null;
    }
    return Ipv4Text.toBytes(v);
  }

  /**
   * Parses with glibc {@code inet_aton} on a C string: the same parts as {@link #atonExact}, then
   * anything after white space, but no NUL (which would end the C string early); null if invalid.
   */
  public static byte[] aton(String s) {
    long v = Ipv4Text.parseAton(s);
    if (v == Ipv4Text.INVALID || CString.check(s, Ipv4Text.atonEnd(s)) != CString.OK) {
      return null;
    }
    return Ipv4Text.toBytes(v);
  }

  /** Parses with glibc {@code inet_pton(AF_INET)}: four decimal octets, no leading zeros. */
  public static byte[] pton4(String s) {
    long v = Ipv4Text.parsePton(s, 0, s.length());
    return v == Ipv4Text.INVALID ? null : Ipv4Text.toBytes(v);
  }

  /** Parses with glibc {@code inet_pton(AF_INET6)}; no {@code %scope}; null if invalid. */
  public static byte[] pton6(String s) {
    return Ipv6Text.parse(s);
  }

  /** Parses {@code s[from, to)} with glibc {@code inet_pton(AF_INET6)}; null if invalid. */
  public static byte[] pton6(String s, int from, int to) {
    return Ipv6Text.parse(s.substring(from, to));
  }

  /** Formats 4 or 16 bytes as glibc {@code inet_ntop} does. */
  public static String ntop(byte[] a) {
    return a.length == 4 ? Ipv4Text.format(a, 0) : Ipv6Text.format(a, 0);
  }

  /** Reports whether a 16-byte address is {@code ::ffff:0:0/96}. */
  public static boolean isV4Mapped(byte[] a) {
    if (a.length != 16) {
      return false;
    }
    for (int k = 0; k < 10; k++) {
      if (a[k] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  /** Reports whether a 16-byte address is {@code ::1}. */
  public static boolean isV6Loopback(byte[] a) {
    for (int k = 0; k < 15; k++) {
      if (a[k] != 0) {
        return false;
      }
    }
    return a[15] == 1;
  }

  /** Returns the IPv4-mapped IPv6 form of 4 bytes. */
  public static byte[] mapV4(byte[] v4) {
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(v4, 0, out, 12, 4);
    return out;
  }

  /**
   * Parses a decimal number as C {@code strtoul(s, &end, 10)} does over the whole string: leading
   * C whitespace, an optional sign, digits; returns null if anything follows or no digit was seen
   * (C then leaves {@code end} at the start). The value wraps as an unsigned long; the caller casts.
   */
  public static Long strtoulWhole(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isCSpace(s.charAt(i))) {
      i++;
    }
    boolean neg = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    int start = i;
    long v = 0;
    boolean overflow = false;
    while (i < n && isDigit(s.charAt(i))) {
      int d = s.charAt(i) - '0';
      if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
        overflow = true;
      }
      v = v * 10 + d;
      i++;
    }
    if (i == start || i != n) {
      return null;
    }
    if (overflow) {
      return -1L; // ULONG_MAX with ERANGE
    }
    return neg ? -v : v;
  }

  /** Reports whether {@code c} is C {@code isdigit} in the C locale. */
  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reports whether {@code c} is C {@code isspace} in the C locale. */
  public static boolean isCSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** Returns the value of a hex digit, or -1. */
  public static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
