package dev.netdb.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses and formats IPv6 text exactly as glibc 2.36's {@code inet_pton6} and {@code inet_ntop6}
 * ({@code resolv/inet_pton.c}, {@code resolv/inet_ntop.c}) do.
 *
 * <p>The parser never throws; it returns the 16 bytes or null. It reads Java {@code char}s where
 * glibc reads UTF-8 bytes, which is the same thing because only ASCII characters are accepted.
 */
public final class Ipv6Text {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Holds the longest text: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
  private static final int MAX_TEXT = 45;

  private Ipv6Text() {}

  /**
   * Returns the 16 bytes that glibc's {@code inet_pton(AF_INET6)} reads from {@code s}, or null.
   *
   * <p>glibc's rules: groups of 1 to 4 hex digits separated by single colons; one {@code ::}
   * stands for at least one zero group (a leading colon must be part of it); a dotted IPv4 address
   * as {@code inet_pton(AF_INET)} reads it may take the place of the last two groups; no scope
   * suffix, brackets or white space.
   */
  public static byte[] parse(String s) {
    final int n = s.length();
    if (n == 0) {
      return null;
    }
    byte[] out = new byte[16];
    int i = 0;
    if (s.charAt(0) == ':') {
      // "Leading :: requires some special handling": a lone leading colon is an error.
      if (n == 1 || s.charAt(1) != ':') {
        return null;
      }
      i = 1;
    }
    int tp = 0; // bytes written
    int colonp = -1; // where "::" stands, in bytes
    int curtok = i; // start of the current group, for a dotted tail
    int digits = 0;
    int val = 0;
    while (i < n) {
      char ch = s.charAt(i++);
      int d = Ipv4Text.hex(ch);
      if (d >= 0) {
        if (digits == 4) {
          return null; // a fifth hex digit in one group
        }
        val = (val << 4) | d;
        digits++;
        continue;
      }
      if (ch == ':') {
        curtok = i;
        if (digits == 0) {
          if (colonp >= 0) {
            return null; // a second "::", or ":::"
          }
          colonp = tp;
          continue;
        }
        if (i == n || tp + 2 > 16) {
          return null; // a trailing single colon, or a ninth group
        }
        out[tp++] = (byte) (val >>> 8);
        out[tp++] = (byte) val;
        digits = 0;
        val = 0;
        continue;
      }
      if (ch == '.' && tp + 4 <= 16) {
        // glibc hands the whole rest of the string, from the start of this group, to inet_pton4.
        long v4 = Ipv4Text.parsePton(s, curtok, n);
        if (v4 == Ipv4Text.INVALID) {
          return null;
        }
        out[tp++] = (byte) (v4 >>> 24);
        out[tp++] = (byte) (v4 >>> 16);
        out[tp++] = (byte) (v4 >>> 8);
        out[tp++] = (byte) v4;
        digits = 0;
        break;
      }
      return null;
    }
    if (digits > 0) {
      if (tp + 2 > 16) {
        return null;
      }
      out[tp++] = (byte) (val >>> 8);
      out[tp++] = (byte) val;
    }
    if (colonp >= 0) {
      if (tp == 16) {
        return null; // "::" would expand to zero groups
      }
      // Move the groups after "::" to the end; the bytes in between are still zero except those
      // that were moved away, which are cleared.
      int moved = tp - colonp;
      System.arraycopy(out, colonp, out, 16 - moved, moved);
      int clearTo = Math.min(tp, 16 - moved);
      for (int k = colonp; k < clearTo; k++) {
        out[k] = 0;
      }
      tp = 16;
    }
    return tp == 16 ? out : null;
  }

  /**
   * Returns the 16 bytes {@code b[off..off+15]} as glibc's {@code inet_ntop6} writes them:
   * lower-case hex groups without leading zeros; the first longest run of at least two zero groups
   * as {@code ::}; the last 32 bits dotted when groups 0-5 are zero and group 6 is not (so the run
   * is exactly six long) or when groups 0-4 are zero and group 5 is {@code ffff}.
   */
  public static String format(byte[] b, int off) {
    // Find the first longest run of zero groups (glibc replaces "best" only on a strictly longer run).
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int g = 0; g < 8; g++) {
      if ((b[off + 2 * g] | b[off + 2 * g + 1]) == 0) {
        if (curBase < 0) {
          curBase = g;
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
    // One scratch array sized for the longest text; the String copies what was written. Java has
    // no public way to hand a filled array to a String without that copy.
    byte[] buf = new byte[MAX_TEXT];
    int p = 0;
    for (int g = 0; g < 8; g++) {
      if (g == bestBase) {
        buf[p++] = ':';
        g += bestLen - 1;
        continue;
      }
      if (g != 0) {
        buf[p++] = ':';
      }
      if (g == 6
          && bestBase == 0
          && (bestLen == 6 || (bestLen == 5 && b[off + 10] == (byte) 0xff && b[off + 11] == (byte) 0xff))) {
        p = Ipv4Text.write(b, off + 12, buf, p);
        break;
      }
      int v = ((b[off + 2 * g] & 0xff) << 8) | (b[off + 2 * g + 1] & 0xff);
      if (v >= 0x1000) {
        buf[p++] = HEX[v >>> 12];
      }
      if (v >= 0x100) {
        buf[p++] = HEX[(v >>> 8) & 0xf];
      }
      if (v >= 0x10) {
        buf[p++] = HEX[(v >>> 4) & 0xf];
      }
      buf[p++] = HEX[v & 0xf];
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) {
      buf[p++] = ':'; // a trailing run of zeros
    }
    return new String(buf, 0, p, StandardCharsets.ISO_8859_1);
  }
}
