package dev.netdb.resolve;

import dev.netdb.files.GaiConf;
import dev.netdb.text.IpLiterals;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts destination addresses as glibc 2.36's {@code rfc3484_sort} does, with the policy tables
 * of {@link GaiConf}. Rules applied: 1 (unusable last), 2 (matching scope), 3 (deprecated
 * source), 5 (matching label), 6 (precedence), 7 (native transport, when the interfaces differ),
 * 8 (smaller scope), 9 (longest matching prefix; for IPv4 only inside the source's subnet), 10
 * (original order). Rule 4 (home addresses) is left out: Linux never reports home addresses to
 * this code. The sort itself is glibc's merge sort, so even intransitive comparisons end in the
 * same order as glibc's.
 */
public final class Rfc3484 {
  private Rfc3484() {}

  /**
   * One destination with what was learnt about its source.
   *
   * @param destination packed destination, 4 or 16 bytes
   * @param source packed source address, or null when the destination is unusable
   * @param sourceInfo the local address entry matching the source, or null when none matched
   */
  public record Candidate(byte[] destination, byte[] source, LocalAddress sourceInfo) {}

  /** Returns the indexes of {@code items} in sorted order. */
  public static int[] order(List<Candidate> items, GaiConf conf) {
    int n = items.size();
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Integer[] tmp = new Integer[n];
    msort(idx, tmp, 0, n, (a, b) -> compare(items.get(a), a, items.get(b), b, conf));
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  /** Finds the local address entry that glibc's bsearch over {@code check_pf} results finds. */
  public static LocalAddress sourceInfo(byte[] source, List<LocalAddress> locals) {
    if (source == null) {
      return null;
    }
    byte[] key = source;
    if (source.length == 4) {
      // glibc: an IPv4 source in 127/8 is looked up as 127.0.0.1 (the lo interface address).
      key = (source[0] & 0xff) == 127 ? IpLiterals.mapV4(new byte[] {127, 0, 0, 1}) : IpLiterals.mapV4(source);
    }
    for (LocalAddress l : locals) {
      byte[] a = l.address();
      byte[] k = a.length == 4 ? IpLiterals.mapV4(a) : a;
      if (Arrays.equals(k, key)) {
        return l;
      }
    }
    return null;
  }

  private interface Cmp {
    int compare(int a, int b);
  }

  /** glibc {@code msort_with_tmp}: top-down merge sort, taking from the left run on ties. */
  private static void msort(Integer[] b, Integer[] tmp, int from, int n, Cmp cmp) {
    if (n <= 1) {
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    msort(b, tmp, from, n1, cmp);
    msort(b, tmp, from + n1, n2, cmp);
    int i1 = from;
    int i2 = from + n1;
    int out = 0;
    while (n1 > 0 && n2 > 0) {
      if (cmp.compare(b[i1], b[i2]) <= 0) {
        tmp[out++] = b[i1++];
        n1--;
      } else {
        tmp[out++] = b[i2++];
        n2--;
      }
    }
    while (n1 > 0) {
      tmp[out++] = b[i1++];
      n1--;
    }
    System.arraycopy(tmp, 0, b, from, out);
  }

  /**
   * Compares two candidates as glibc's {@code rfc3484_compare}: negative when {@code a1} goes
   * first; the magnitude is the number of the rule that decided.
   */
  static int compare(Candidate a1, int idx1, Candidate a2, int idx2, GaiConf conf) {
    boolean g1 = a1.source() != null;
    boolean g2 = a2.source() != null;
    // Rule 1: avoid unusable destinations.
    if (g1 && !g2) {
      return -1;
    }
    if (!g1 && g2) {
      return 1;
    }
    // Rule 2: prefer matching scope.
    int d1Scope = scope(a1.destination(), conf);
    int d2Scope = scope(a2.destination(), conf);
    if (g1) {
      int s1 = scope(a1.source(), conf);
      int s2 = scope(a2.source(), conf);
      if (d1Scope == s1 && d2Scope != s2) {
        return -2;
      }
      if (d1Scope != s1 && d2Scope == s2) {
        return 2;
      }
      // Rule 3: avoid deprecated source addresses.
      boolean dep1 = a1.sourceInfo() != null && a1.sourceInfo().deprecated();
      boolean dep2 = a2.sourceInfo() != null && a2.sourceInfo().deprecated();
      if (!dep1 && dep2) {
        return -3;
      }
      if (dep1 && !dep2) {
        return 3;
      }
      // Rule 5: prefer matching label.
      int dl1 = conf.label(as16(a1.destination()));
      int sl1 = conf.label(as16(a1.source()));
      int dl2 = conf.label(as16(a2.destination()));
      int sl2 = conf.label(as16(a2.source()));
      if (dl1 == sl1 && dl2 != sl2) {
        return -5;
      }
      if (dl1 != sl1 && dl2 == sl2) {
        return 5;
      }
    }
    // Rule 6: prefer higher precedence.
    int p1 = conf.precedence(as16(a1.destination()));
    int p2 = conf.precedence(as16(a2.destination()));
    if (p1 > p2) {
      return -6;
    }
    if (p1 < p2) {
      return 6;
    }
    // Rule 7: prefer native transport, only when the source interfaces differ.
    if (g1) {
      int i1 = a1.sourceInfo() == null ? -1 : a1.sourceInfo().interfaceIndex();
      int i2 = a2.sourceInfo() == null ? -1 : a2.sourceInfo().interfaceIndex();
      if (i1 != i2) {
        boolean n1 = a1.sourceInfo() != null && !a1.sourceInfo().tunnel();
        boolean n2 = a2.sourceInfo() != null && !a2.sourceInfo().tunnel();
        if (n1 && !n2) {
          return -7;
        }
        if (!n1 && n2) {
          return 7;
        }
      }
    }
    // Rule 8: prefer smaller scope.
    if (d1Scope < d2Scope) {
      return -8;
    }
    if (d1Scope > d2Scope) {
      return 8;
    }
    // Rule 9: longest matching prefix, same family only.
    if (g1 && a1.destination().length == a2.destination().length) {
      int bit1 = 0;
      int bit2 = 0;
      if (a1.destination().length == 4) {
        // glibc: for IPv4 only inside the source's subnet; outside it the value stays 0.
        bit1 = v4Bits(a1);
        bit2 = v4Bits(a2);
      } else {
        for (int w = 0; w < 4; w++) {
          int d1 = word(a1.destination(), w);
          int s1 = word(a1.source(), w);
          int d2 = word(a2.destination(), w);
          int s2 = word(a2.source(), w);
          if (d1 != s1 || d2 != s2) {
            bit1 = fls(d1 ^ s1);
            bit2 = fls(d2 ^ s2);
            break;
          }
        }
      }
      if (bit1 > bit2) {
        return 9;
      }
      if (bit1 < bit2) {
        return -9;
      }
    }
    // Rule 10: keep the original order.
    return idx1 < idx2 ? -10 : 10;
  }

  private static int v4Bits(Candidate c) {
    int dst = word(c.destination(), 0);
    int src = word(c.source(), 0);
    int prefix = c.sourceInfo() == null ? 0 : c.sourceInfo().prefixLength();
    // glibc computes 0xffffffffu << (32 - prefixlen); x86 masks the shift count to 5 bits, so an
    // unknown source (prefixlen 0) gets an all-ones mask.
    int mask = -1 << ((32 - prefix) & 31);
    return (src & mask) == (dst & mask) ? fls(dst ^ src) : 0;
  }

  private static int fls(int x) {
    return 32 - Integer.numberOfLeadingZeros(x);
  }

  private static int word(byte[] a, int w) {
    int o = 4 * w;
    return ((a[o] & 0xff) << 24) | ((a[o + 1] & 0xff) << 16) | ((a[o + 2] & 0xff) << 8) | (a[o + 3] & 0xff);
  }

  /** glibc {@code get_scope}: IPv6 by address type (loopback counts as link-local), IPv4 by scopev4. */
  static int scope(byte[] a, GaiConf conf) {
    if (a.length == 4) {
      return conf.scopeV4(a);
    }
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (b0 == 0xff) {
      return b1 & 0xf;
    }
    if ((b0 == 0xfe && (b1 & 0xc0) == 0x80) || IpLiterals.isV6Loopback(a)) {
      return 2;
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return 5;
    }
    return 14;
  }

  private static byte[] as16(byte[] a) {
    return a.length == 4 ? IpLiterals.mapV4(a) : a;
  }
}
