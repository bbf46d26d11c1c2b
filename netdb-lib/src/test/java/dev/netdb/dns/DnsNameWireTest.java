package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DnsName#toWire} against the straightforward encoder it replaced (kept here as the
 * reference: a label buffer and a {@link ByteArrayOutputStream}), on names made to hit every
 * branch: escapes of each kind, good and bad, dots in every place, labels and names at and over
 * their limits, control and non-ASCII characters. The wire bytes, or the exception's message,
 * must be the same.
 */
class DnsNameWireTest {
  static Stream<String> names() {
    List<String> names = new ArrayList<>(List.of("", ".", "..", "a", "a.", "a..", ".a", "a.b", "a.b.",
        "\\", "a\\", "a\\.", "a\\.b", "\\065", "\\65", "\\6x5", "\\256", "\\255.b", "a\\é",
        "é", "a\\000b", "tab\t.x", "a".repeat(63), "a".repeat(64), "a".repeat(63) + ".",
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)),
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62)),
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)) + ".",
        "\\046".repeat(63), "\\046".repeat(64), "x.\\.", "h5.bulk.test", "H5.Bulk.TEST."));
    String[] pieces = {"a", "Z", "0", "-", "_", ".", "\\.", "\\\\", "\\0", "\\09", "\\097", "\\300",
        "\\", "\\x", "é", "\\é", " ", "\t", "a".repeat(20), "b".repeat(40)};
    SplittableRandom r = new SplittableRandom(20261202);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int parts = r.nextInt(1, 30);
      for (int j = 0; j < parts; j++) b.append(pieces[r.nextInt(pieces.length)]);
      names.add(b.toString());
    }
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("names")
  void givesTheReferenceBytesOrItsError(String name) {
    assertThat(outcome(() -> DnsName.toWire(name))).isEqualTo(outcome(() -> reference(name)));
  }

  /**
   * A query (one question, with or without an OPT record) is encoded without the compression
   * table, since it has one name: the bytes must be those the table would give.
   */
  @ParameterizedTest
  @MethodSource("names")
  void aQueryEncodesAsTheCompressingEncoderWouldEncodeIt(String name) throws Exception {
    if (!DnsName.isValid(name)) return;
    int h = name.hashCode();
    DnsMessage query = DnsMessage.query(h & 0xFFFF, DnsQuestion.in(name, new int[] {1, 28, 12, 5, 255}[Math.floorMod(h, 5)]),
        (h & 8) == 0 ? 0 : 1200, (h & 16) != 0);
    assertThat(DnsEncoder.atMostOneName(query)).isTrue();
    assertThat(query.encode()).isEqualTo(DnsEncoder.write(query, true));
  }

  private interface Encoding {
    byte[] get() throws DnsFormatException;
  }

  private static String outcome(Encoding e) {
    try {
      return java.util.HexFormat.of().formatHex(e.get());
    } catch (DnsFormatException ex) {
      return "error: " + ex.getMessage();
    }
  }

  /** The encoder as it was before: one label at a time through a buffer. */
  private static byte[] reference(String name) throws DnsFormatException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 2);
    byte[] label = new byte[64];
    int len = 0;
    int n = name.length();
    if (n == 0 || name.equals(".")) return new byte[] {0};
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (len == 0) throw new DnsFormatException("empty label in name '" + name + "'");
        if (i == n - 1) break;
        out.write(len);
        out.write(label, 0, len);
        len = 0;
        continue;
      }
      int b;
      if (c == '\\') {
        if (i + 1 >= n) throw new DnsFormatException("dangling escape in name '" + name + "'");
        char d = name.charAt(i + 1);
        if (d >= '0' && d <= '9') {
          if (i + 3 >= n) throw new DnsFormatException("short \\DDD escape in name '" + name + "'");
          char d2 = name.charAt(i + 2);
          char d3 = name.charAt(i + 3);
          if (d2 < '0' || d2 > '9' || d3 < '0' || d3 > '9') {
            throw new DnsFormatException("bad \\DDD escape in name '" + name + "'");
          }
          b = (d - '0') * 100 + (d2 - '0') * 10 + (d3 - '0');
          if (b > 255) throw new DnsFormatException("\\DDD escape over 255 in name '" + name + "'");
          i += 3;
        } else {
          if (d > 0x7F) throw new DnsFormatException("non-ASCII character in name '" + name + "'");
          b = d;
          i += 1;
        }
      } else {
        if (c > 0x7F) throw new DnsFormatException("non-ASCII character in name '" + name + "'");
        b = c;
      }
      if (len == 63) throw new DnsFormatException("label longer than 63 bytes in name '" + name + "'");
      label[len++] = (byte) b;
    }
    if (len > 0) {
      out.write(len);
      out.write(label, 0, len);
    }
    out.write(0);
    if (out.size() > 255) throw new DnsFormatException("name longer than 255 bytes: '" + name + "'");
    return out.toByteArray();
  }
}
