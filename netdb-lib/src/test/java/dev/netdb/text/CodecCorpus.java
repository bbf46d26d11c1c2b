package dev.netdb.text;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates a seeded stream of random and edge-case codec calls: {@code perCodec} calls each of
 * {@code inet_aton}, {@code inet_ntoa}, {@code inet_pton} (IPv4 and IPv6) and {@code inet_ntop}
 * (IPv4 and IPv6), interleaved. The same seed always gives the same stream.
 *
 * <p>The inputs aim at the corners of glibc's parsers: BSD parts in decimal, octal and hex with
 * boundary and huge values, leading zeros, empty parts, trailing white space and junk, NUL, lone
 * surrogates, non-ASCII digits (Arabic-Indic, full-width, Devanagari), zero runs of every length and
 * place, dotted tails, scopes and brackets, and families other than 2 and 10.
 */
final class CodecCorpus implements Iterable<CodecCase> {
  private static final String[] WEIRD = {
    " ", "\t", "\n", "\u000b", "\f", "\r", "\u0000", "\u00a0", "\u2003", "\u0085", "\u001c",
    "x", "X", "g", "G", "-", "+", "%", "%lo", "%1", "[", "]", "/", "e", "ff", "0x", "0X",
    "\u0661", "\uff15", "\u0966", "\u00b2", "\udc80", "\ud800", "\ud83d\ude00", "é", ".", ":", "::"
  };
  private static final String[] ATON_EDGES = {
    "127.1", "0x7f.1", "08.0.0.1", "4294967295", "4294967296", "1.2.65536", " 127.0.0.1",
    "127.0.0.1 junk", "127.0.0.1x", "0x", "0x.1", "0", "00", "0.0.0.0", "255.255.255.255",
    "256.1.1.1", "1.256.1.1", "1.1.1.256", "1.1.65535", "1.16777215", "1.16777216", "0xffffffff",
    "0x100000000", "037777777777", "040000000000", "1.2.3.4.5", "1..2", "1.2.3.", ".1.2.3",
    "1.2.3.4\u0000", "1.2.3.4 \u0000", "1.2.3.4\t\udc80", "0xFf.0XfF.0377.255", "1e1", "09",
    "0x1g", "00000000000000000000000000000000000001", "0x00000000000000000000000000000000ff.1",
    "18446744073709551615", "18446744073709551616", "99999999999999999999999", "1.2.3.4\u000b",
    "1.2.3.4\u001c", "1.2.3.4\u00a0", "\u0661.2.3.4", "1.2.3.\uff14", ""
  };
  private static final String[] PTON6_EDGES = {
    "::", ":::", "::1", "1::", "::1.2.3.4", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7",
    "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "00000::1", "fe80::1%lo",
    "::ffff:1.2.3.4", "::ffff:01.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
    "1:2:3:4:5::1.2.3.4", "::1.2.3", "::1.2.3.4.5", "1.2.3.4", ":1::", "1:", ":1", "1::2::3",
    "[::1]", " ::1", "::1 ", "FFFF::ABCD", "0:0:0:0:0:0:0:0", "::0.0.0.0", "1::1.2.3.4",
    "::1.2.3.4:1", "::1a.2.3.4", "::ffff:1.2.3.04", "1::2:", "", ":", "::\u0661", "::g"
  };

  private final long seed;
  private final int perCodec;

  CodecCorpus(long seed, int perCodec) {
    this.seed = seed;
    this.perCodec = perCodec;
  }

  @Override
  public Iterator<CodecCase> iterator() {
    SplittableRandom random = new SplittableRandom(seed);
    return new Iterator<>() {
      private long produced;
      private final long total = 6L * perCodec;

      @Override
      public boolean hasNext() {
        return produced < total;
      }

      @Override
      public CodecCase next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int kind = (int) (produced % 6);
        long round = produced / 6;
        produced++;
        return make(random, kind, round);
      }
    };
  }

  private static CodecCase make(SplittableRandom r, int kind, long round) {
    return switch (kind) {
      case 0 -> CodecCase.aton(round < ATON_EDGES.length ? ATON_EDGES[(int) round] : aton(r));
      case 1 -> CodecCase.ntoa(bytes(r, r.nextInt(10) == 0 ? r.nextInt(7) : 4));
      case 2 -> CodecCase.pton(family(r, 2), mutate(r, ipv4Text(r)));
      case 3 ->
          CodecCase.pton(
              family(r, 10), round < PTON6_EDGES.length ? PTON6_EDGES[(int) round] : ipv6Text(r));
      case 4 -> CodecCase.ntop(family(r, 2), bytes(r, r.nextInt(10) == 0 ? r.nextInt(18) : 4));
      default -> CodecCase.ntop(family(r, 10), ipv6Bytes(r, r.nextInt(10) == 0 ? r.nextInt(20) : 16));
    };
  }

  /** Mostly the intended family, sometimes the other one or an unsupported number. */
  private static int family(SplittableRandom r, int usual) {
    int roll = r.nextInt(40);
    if (roll == 0) {
      return usual == 2 ? 10 : 2;
    }
    if (roll == 1) {
      int[] odd = {0, 1, 3, 17, 28, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 44};
      return odd[r.nextInt(odd.length)];
    }
    return usual;
  }

  private static String aton(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int parts = 1 + r.nextInt(r.nextInt(8) == 0 ? 6 : 4);
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        b.append(r.nextInt(30) == 0 ? ".." : ".");
      }
      b.append(atonPart(r, i == parts - 1 ? 4 - i : 1));
    }
    String s = b.toString();
    int tail = r.nextInt(8);
    if (tail == 0) {
      s += WEIRD[r.nextInt(WEIRD.length)] + (r.nextBoolean() ? "" : atonPart(r, 1));
    } else if (tail == 1) {
      s += WEIRD[r.nextInt(6)] + WEIRD[r.nextInt(WEIRD.length)] + "junk";
    }
    return mutate(r, s);
  }

  /** Returns one BSD part meant to fill {@code bytes} bytes (sometimes more, to cross the limit). */
  private static String atonPart(SplittableRandom r, int bytes) {
    long max = bytes >= 4 ? 0xffff_ffffL : (1L << (8 * Math.max(bytes, 1))) - 1;
    long v =
        switch (r.nextInt(6)) {
          case 0 -> max;
          case 1 -> max + 1;
          case 2 -> r.nextLong(256);
          case 3 -> r.nextLong(max + 2);
          case 4 -> r.nextLong(1L << 40);
          default -> r.nextLong(Math.min(max, 1000) + 1);
        };
    String zeros = r.nextInt(10) == 0 ? "0".repeat(1 + r.nextInt(30)) : "";
    return switch (r.nextInt(5)) {
      case 0 -> "0" + zeros + Long.toOctalString(v);
      case 1 -> (r.nextBoolean() ? "0x" : "0X") + zeros + randomCase(r, Long.toHexString(v));
      case 2 -> r.nextInt(8) == 0 ? (r.nextBoolean() ? "0x" : "") : Long.toString(v & 0xff);
      case 3 -> r.nextInt(3) == 0 ? "1" + "0".repeat(r.nextInt(25)) : Long.toString(v);
      default -> Long.toString(v);
    };
  }

  private static String ipv4Text(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int parts = r.nextInt(6) == 0 ? 2 + r.nextInt(4) : 4;
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        b.append('.');
      }
      int v = r.nextInt(4) == 0 ? 250 + r.nextInt(10) : r.nextInt(r.nextBoolean() ? 10 : 300);
      if (r.nextInt(12) == 0) {
        b.append('0');
      }
      b.append(v);
    }
    return b.toString();
  }

  private static String ipv6Text(SplittableRandom r) {
    int style = r.nextInt(4);
    if (style == 0) {
      // The canonical text of random bytes, so that most of these parse.
      return mutate(r, Ipv6Text.format(ipv6Bytes(r, 16), 0));
    }
    StringBuilder b = new StringBuilder();
    int groups = r.nextInt(10);
    int gap = r.nextInt(3) == 0 ? -1 : r.nextInt(groups + 1);
    boolean dotted = r.nextInt(5) == 0;
    for (int i = 0; i < groups; i++) {
      if (i == gap) {
        b.append("::");
      } else if (i > 0) {
        b.append(':');
      }
      int digits = r.nextInt(12) == 0 ? 0 : r.nextInt(16) == 0 ? 5 : 1 + r.nextInt(4);
      for (int d = 0; d < digits; d++) {
        b.append(randomCase(r, Integer.toHexString(r.nextInt(r.nextBoolean() ? 2 : 16))));
      }
    }
    if (gap == groups) {
      b.append("::");
    }
    if (dotted) {
      b.append(b.isEmpty() || b.charAt(b.length() - 1) == ':' ? "" : ":").append(ipv4Text(r));
    }
    return mutate(r, b.toString());
  }

  private static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (r.nextInt(4) == 0 ? 0 : r.nextInt(256));
    }
    return b;
  }

  /** Returns bytes whose 16-bit groups are often zero (runs of every length), ffff or small. */
  private static byte[] ipv6Bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    int zeroFrom = r.nextInt(9);
    int zeroTo = zeroFrom + r.nextInt(9 - zeroFrom);
    for (int i = 0; i + 1 < n; i += 2) {
      int g = i / 2;
      int v =
          g >= zeroFrom && g < zeroTo
              ? 0
              : switch (r.nextInt(6)) {
                case 0 -> 0;
                case 1 -> 0xffff;
                case 2 -> r.nextInt(16);
                case 3 -> r.nextInt(256);
                default -> r.nextInt(65536);
              };
      b[i] = (byte) (v >>> 8);
      b[i + 1] = (byte) v;
    }
    if ((n & 1) == 1) {
      b[n - 1] = (byte) r.nextInt(256);
    }
    return b;
  }

  /** Sometimes inserts, deletes or replaces one character, or appends a weird one. */
  private static String mutate(SplittableRandom r, String s) {
    int roll = r.nextInt(10);
    if (roll > 2 || s.isEmpty()) {
      return roll == 9 ? s + WEIRD[r.nextInt(WEIRD.length)] : s;
    }
    int at = r.nextInt(s.length());
    String alphabet = ".:0123456789abcdefABCDEFxX %\u0661\uff10 \t";
    char c = alphabet.charAt(r.nextInt(alphabet.length()));
    return switch (roll) {
      case 0 -> s.substring(0, at) + c + s.substring(at);
      case 1 -> s.substring(0, at) + s.substring(at + 1);
      default -> s.substring(0, at) + c + s.substring(at + 1);
    };
  }

  private static String randomCase(SplittableRandom r, String s) {
    return r.nextBoolean() ? s.toUpperCase(java.util.Locale.ROOT) : s;
  }
}
