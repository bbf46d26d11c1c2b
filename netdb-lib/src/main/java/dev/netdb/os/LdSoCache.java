package dev.netdb.os;

import java.nio.charset.StandardCharsets;

/**
 * Looks a library up in the dynamic loader's cache ({@code /etc/ld.so.cache}) as glibc's {@code
 * dl-cache.c} does: a binary search over the entries of the {@code glibc-ld.so.cache1.1} format,
 * which {@code ldconfig} writes sorted by {@code _dl_cache_libcmp} in descending order (digit
 * runs compare as numbers). A file in any other format (the pre-2.32 {@code ld.so-1.7.0}
 * layout, a truncated or foreign file) is searched as bytes instead, which errs towards "listed".
 * Start-up is why: the search runs interpreted, where scanning the whole file (35 KB here) for
 * the name cost about 0.6 ms of a one-shot command.
 */
final class LdSoCache {
  private static final byte[] MAGIC = "glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII);
  /** {@code struct cache_file_new}: magic and version, nlibs, len_strings, flags, padding, ... */
  private static final int HEADER = 48;
  /** {@code struct file_entry_new}: flags, key, value, osversion, hwcap. */
  private static final int ENTRY = 24;

  private LdSoCache() {}

  /** Reports whether {@code cache}, the bytes of an ld.so.cache file, lists {@code soname}. */
  static boolean lists(byte[] cache, String soname) {
    byte[] name = soname.getBytes(StandardCharsets.ISO_8859_1);
    if (!java.util.Arrays.equals(cache, 0, Math.min(MAGIC.length, cache.length), MAGIC, 0, MAGIC.length)
        || cache.length < HEADER) {
      return NativeSupport.containsFromEnd(cache, name);
    }
    long nlibs = u32(cache, 20);
    if (nlibs > (cache.length - HEADER) / ENTRY) {
      return NativeSupport.containsFromEnd(cache, name);
    }
    long left = 0;
    long right = nlibs - 1;
    while (left <= right) {
      long middle = (left + right) >>> 1;
      long key = u32(cache, (int) (HEADER + middle * ENTRY + 4));
      if (key >= cache.length) {
        return NativeSupport.containsFromEnd(cache, name); // a bogus index: not glibc's layout
      }
      int cmp = libcmp(name, cache, (int) key);
      if (cmp == 0) {
        return true;
      }
      if (cmp < 0) {
        left = middle + 1;
      } else {
        right = middle - 1;
      }
    }
    return false;
  }

  /**
   * Compares {@code a} with the NUL-terminated string at {@code s[from]} as glibc's {@code
   * _dl_cache_libcmp}: runs of digits as decimal numbers, a digit above any other byte.
   */
  static int libcmp(byte[] a, byte[] s, int from) {
    int i = 0;
    int j = from;
    while (i < a.length) {
      int c1 = a[i] & 0xff;
      int c2 = j < s.length ? s[j] & 0xff : 0;
      if (digit(c1)) {
        if (!digit(c2)) {
          return 1;
        }
        long v1 = 0;
        long v2 = 0;
        while (i < a.length && digit(a[i] & 0xff)) {
          v1 = v1 * 10 + (a[i++] - '0');
        }
        while (j < s.length && digit(s[j] & 0xff)) {
          v2 = v2 * 10 + (s[j++] - '0');
        }
        if (v1 != v2) {
          return Long.compare(v1, v2);
        }
      } else if (digit(c2)) {
        return -1;
      } else if (c1 != c2) {
        return c1 - c2;
      } else {
        i++;
        j++;
      }
    }
    return j < s.length ? -(s[j] & 0xff) : 0;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
  }
}
