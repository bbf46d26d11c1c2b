package dev.netdb.resolve;

/**
 * Parses and formats numeric addresses with glibc's exact rules, for the resolver's own needs:
 * {@code __inet_aton_exact}, {@code inet_pton} for both families and {@code inet_ntop}. No method
 * throws on bad text: parsers return null. Strings are treated as C strings (they end at the first
 * NUL).
 *
 * <p>This is a private copy for the resolve pipeline until {@link dev.netdb.Inet} is merged; the
 * rules are the same.
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
   * Parses with glibc {@code __inet_aton_exact}: 1-4 parts, each decimal, octal ({@code 0}) or hex
   * ({@code 0x}), the last filling the remaining bytes, and no trailing text at all.
   */
  public static byte[] atonExact(String s) {
    return aton(s, false);
  }

  /**
   * Parses with glibc {@code inet_aton}: as {@link #atonExact} but trailing whitespace and
   * anything after it are ignored.
   */
  public static byte[] aton(String s, boolean allowTrailingSpace) {
    long[] parts = new long[4];
    int np = 0;
    int i = 0;
    int n = s.length();
    long val;
    while (true) {
      // inet_aton: every part must start with a digit (no sign, no space).
      if (i >= n || !isDigit(s.charAt(i))) {
        return null;
      }
      int base = 10;
      if (s.charAt(i) == '0') {
        if (i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
            && i + 2 < n && hex(s.charAt(i + 2)) >= 0) {
          base = 16;
          i += 2;
        } else {
          base = 8;
        }
      }
      // strtoul: consume the longest run of digits valid in the base; overflow is an error.
      val = 0;
      boolean overflow = false;
      while (i < n) {
        int d = hex(s.charAt(i));
        if (d < 0 || d >= base) {
          break;
        }
        val = val * base + d;
        if (val > 0xFFFFFFFFL) {
          overflow = true;
          val = 0x1_0000_0000L;
        }
        i++;
      }
      if (overflow) {
        return null;
      }
      if (i < n && s.charAt(i) == '.') {
        if (np > 2 || val > 0xff) {
          return null;
        }
        parts[np++] = val;
        i++;
      } else {
        break;
      }
    }
    if (i < n && !(allowTrailingSpace && isCSpace(s.charAt(i)))) {
      return null;
    }
    long limit = switch (np) {
      case 0 -> 0xFFFFFFFFL;
      case 1 -> 0xFFFFFFL;
      case 2 -> 0xFFFFL;
      default -> 0xFFL;
    };
    if (val > limit) {
      return null;
    }
    long addr = val;
    for (int k = 0; k < np; k++) {
      addr |= parts[k] << (24 - 8 * k);
    }
    return new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
  }

  /** Parses with glibc {@code inet_pton(AF_INET)}: four decimal octets, no leading zeros. */
  public static byte[] pton4(String s) {
    return pton4(s, 0, s.length());
  }

  static byte[] pton4(String s, int from, int to) {
    byte[] out = new byte[4];
    int octets = 0;
    int cur = 0;
    boolean sawDigit = false;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (isDigit(ch)) {
        if (sawDigit && cur == 0) {
          return null;
        }
        cur = cur * 10 + (ch - '0');
        if (cur > 255) {
          return null;
        }
        if (!sawDigit) {
          if (++octets > 4) {
            return null;
          }
          sawDigit = true;
        }
      } else if (ch == '.' && sawDigit) {
        if (octets == 4) {
          return null;
        }
        out[octets - 1] = (byte) cur;
        cur = 0;
        sawDigit = false;
      } else {
        return null;
      }
    }
    if (octets < 4) {
      return null;
    }
    out[3] = (byte) cur;
    return out;
  }

  /** Parses with glibc {@code inet_pton(AF_INET6)}; no {@code %scope}. */
  public static byte[] pton6(String s) {
    return pton6(s, 0, s.length());
  }

  /** Parses {@code s[from, to)} with glibc {@code inet_pton(AF_INET6)}. */
  public static byte[] pton6(String s, int from, int to) {
    byte[] out = new byte[16];
    int tp = 0;
    int colonp = -1;
    int i = from;
    if (i < to && s.charAt(i) == ':') {
      if (i + 1 >= to || s.charAt(i + 1) != ':') {
        return null;
      }
      i++;
    }
    int curtok = i;
    int digits = 0;
    int val = 0;
    while (i < to) {
      char ch = s.charAt(i++);
      int d = hex(ch);
      if (d >= 0) {
        if (digits == 4) {
          return null;
        }
        val = (val << 4) | d;
        digits++;
        continue;
      }
      if (ch == ':') {
        curtok = i;
        if (digits == 0) {
          if (colonp >= 0) {
            return null;
          }
          colonp = tp;
          continue;
        } else if (i >= to) {
          return null;
        }
        if (tp + 2 > 16) {
          return null;
        }
        out[tp++] = (byte) (val >> 8);
        out[tp++] = (byte) val;
        digits = 0;
        val = 0;
        continue;
      }
      if (ch == '.' && tp + 4 <= 16) {
        byte[] v4 = pton4(s, curtok, to);
        if (v4 != null) {
          System.arraycopy(v4, 0, out, tp, 4);
          tp += 4;
          digits = 0;
          break;
        }
      }
      return null;
    }
    if (digits > 0) {
      if (tp + 2 > 16) {
        return null;
      }
      out[tp++] = (byte) (val >> 8);
      out[tp++] = (byte) val;
    }
    if (colonp >= 0) {
      // "::" must stand for at least one group.
      if (tp == 16) {
        return null;
      }
      int moved = tp - colonp;
      System.arraycopy(out, colonp, out, 16 - moved, moved);
      java.util.Arrays.fill(out, colonp, 16 - moved, (byte) 0);
      tp = 16;
    }
    return tp == 16 ? out : null;
  }

  /** Formats 4 or 16 bytes as glibc {@code inet_ntop} does. */
  public static String ntop(byte[] a) {
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
    int[] w = new int[8];
    for (int k = 0; k < 8; k++) {
      w[k] = ((a[2 * k] & 0xff) << 8) | (a[2 * k + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int k = 0; k < 8; k++) {
      if (w[k] == 0) {
        if (curBase < 0) {
          curBase = k;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase >= 0) {
        if (curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase >= 0 && curLen > bestLen) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int k = 0; k < 8; k++) {
      if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen) {
        if (k == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (k != 0) {
        sb.append(':');
      }
      // glibc: dotted tail for ::a.b.c.d (6 zero groups) and ::ffff:a.b.c.d.
      if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
        sb.append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.')
            .append(a[14] & 0xff).append('.').append(a[15] & 0xff);
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[k]));
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
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

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reports whether {@code c} is C {@code isspace} in the C locale. */
  public static boolean isCSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  static int hex(char c) {
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
