package dev.netdb.dns;

import static dev.netdb.dns.Fixtures.hex;
import static dev.netdb.dns.Fixtures.v4;
import static dev.netdb.dns.Fixtures.v6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.dns.ResourceRecord.A;
import dev.netdb.dns.ResourceRecord.Aaaa;
import dev.netdb.dns.ResourceRecord.Cname;
import dev.netdb.dns.ResourceRecord.Opt;
import dev.netdb.dns.ResourceRecord.Ptr;
import dev.netdb.dns.ResourceRecord.Soa;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decodes NSD's captured replies as whole records and encodes queries byte for byte. */
class DnsMessageCodecTest {
  private static final int IN = DnsType.CLASS_IN;
  private static final Soa EXAMPLE_SOA =
      new Soa("example.test", IN, 60, "ns1.example.test", "hostmaster.example.test", 2026112501, 7200, 3600, 1209600, 60);

  private static DnsHeader reply(int id, boolean aa, boolean tc, int rcode) {
    return new DnsHeader(id, true, 0, aa, tc, true, false, false, false, rcode);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "www-a,       4660,  www.example.test,         1,  0",
    "host-aaaa,   48879, host.example.test,        28, 0",
    "nxdomain,    1,     nothere.example.test,     1,  0",
    "ptr,         3,     10.2.0.192.in-addr.arpa,  12, 0",
    "edns-host-a, 4,     host.example.test,        1,  1232",
    "mixedcase,   8,     WwW.ExAmPlE.TeSt,         1,  0",
  })
  void encodesQueriesByteForByte(String fixture, int id, String name, int type, int edns) throws Exception {
    byte[] wire = DnsMessage.query(id, DnsQuestion.in(name, type), edns, false).encode();
    assertThat(HexFormat.of().formatHex(wire)).isEqualTo(HexFormat.of().formatHex(hex("nsd/" + fixture + ".query.hex")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"dig-plain, 0", "dig-edns, 1232"})
  void encodesWhatDigSends(String fixture, int edns) throws Exception {
    byte[] dig = hex("nsd/" + fixture + ".query.hex");
    int id = (dig[0] & 0xFF) << 8 | (dig[1] & 0xFF);
    byte[] ours = DnsMessage.query(id, DnsQuestion.in("host.example.test", DnsType.A), edns, false).encode();
    assertThat(ours).isEqualTo(dig);
    assertThat(DnsMessage.decode(dig).encode()).isEqualTo(dig);
  }

  @Test
  void decodesCnameChain() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/www-a.reply.hex"));
    assertThat(m)
        .isEqualTo(new DnsMessage(
            reply(0x1234, true, false, 0),
            List.of(DnsQuestion.in("www.example.test", DnsType.A)),
            List.of(
                new Cname("www.example.test", IN, 300, "web.example.test"),
                new Cname("web.example.test", IN, 300, "host.example.test"),
                new A("host.example.test", IN, 300, v4("192.0.2.10")),
                new A("host.example.test", IN, 300, v4("192.0.2.11"))),
            List.of(), // the NS record is of a type the stub skips
            List.of(new A("ns1.example.test", IN, 300, v4("192.0.2.1")))));
  }

  @Test
  void decodesAaaa() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/host-aaaa.reply.hex"));
    assertThat(m.answers()).containsExactly(new Aaaa("host.example.test", IN, 300, v6("2001:db8::10")));
    assertThat(m.header()).isEqualTo(reply(0xBEEF, true, false, 0));
  }

  @Test
  void decodesNxdomainWithSoa() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/nxdomain.reply.hex"));
    assertThat(m)
        .isEqualTo(new DnsMessage(
            reply(1, true, false, DnsType.NXDOMAIN),
            List.of(DnsQuestion.in("nothere.example.test", DnsType.A)),
            List.of(),
            List.of(EXAMPLE_SOA),
            List.of()));
  }

  @Test
  void decodesNodataWithSoa() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/nodata.reply.hex"));
    assertThat(m.header().rcode()).isZero();
    assertThat(m.answers()).isEmpty();
    assertThat(m.authorities()).containsExactly(EXAMPLE_SOA);
  }

  @Test
  void decodesPtr() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/ptr.reply.hex"));
    assertThat(m.answers()).containsExactly(new Ptr("10.2.0.192.in-addr.arpa", IN, 300, "host.example.test"));
  }

  @Test
  void decodesEdnsReply() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/edns-host-a.reply.hex"));
    assertThat(m.answers())
        .containsExactly(
            new A("host.example.test", IN, 300, v4("192.0.2.10")),
            new A("host.example.test", IN, 300, v4("192.0.2.11")));
    assertThat(m.opt()).contains(new Opt(1232, 0, 0, false, ""));
  }

  @Test
  void decodesTruncatedAndRefused() throws Exception {
    assertThat(DnsMessage.decode(hex("nsd/truncated.reply.hex")).header()).isEqualTo(reply(5, true, true, 0));
    DnsMessage refused = DnsMessage.decode(hex("nsd/refused.reply.hex"));
    assertThat(refused.header()).isEqualTo(reply(6, false, false, DnsType.REFUSED));
    assertThat(refused.questions()).containsExactly(DnsQuestion.in("outside.invalid", DnsType.A));
  }

  @Test
  void decodesDanglingCname() throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/dangling.reply.hex"));
    assertThat(m.header().rcode()).isEqualTo(DnsType.NXDOMAIN);
    assertThat(m.answers()).containsExactly(new Cname("dangling.example.test", IN, 300, "missing.example.test"));
  }

  static Stream<String> replies() {
    return Stream.of("www-a", "host-aaaa", "nxdomain", "nodata", "ptr", "edns-host-a", "truncated", "refused",
        "dangling", "mixedcase");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void reEncodingKeepsEveryDecodedField(String fixture) throws Exception {
    DnsMessage m = DnsMessage.decode(hex("nsd/" + fixture + ".reply.hex"));
    assertThat(DnsMessage.decode(m.encode())).isEqualTo(m);
    assertThat(DnsMessage.decode(DnsEncoder.encode(m, false))).isEqualTo(m);
  }

  @Test
  void compressesLikeNsdForTheSameRecords() throws Exception {
    // NSD's reply holds only decodable types, so our compressed encoding must equal its bytes.
    byte[] nsd = hex("nsd/ptr.reply.hex");
    byte[] withoutNs = DnsMessage.decode(nsd).encode();
    assertThat(DnsMessage.decode(withoutNs).answers()).isEqualTo(DnsMessage.decode(nsd).answers());
    byte[] aaaa = hex("nsd/truncated.reply.hex");
    assertThat(DnsMessage.decode(aaaa).encode()).isEqualTo(aaaa);
  }

  static Stream<Arguments> malformed() {
    String q = "0001 8180 0001 0000 0000 0000 ";
    return Stream.of(
        Arguments.of("shorter than a header", "0001 8180 0000 0000 00"),
        Arguments.of("question runs past the end", q + "03 777777"),
        Arguments.of("pointer to itself", q + "c00c 0001 0001"),
        Arguments.of("pointer forwards", q + "c010 0001 0001 00"),
        Arguments.of("pointer loop through an earlier name", "0001 8180 0002 0000 0000 0000 "
            + "01 61 c011 0001 0001 01 62 c00c 0001 0001"),
        Arguments.of("label type 01 (extended)", q + "41 00 0001 0001"),
        Arguments.of("label type 10", q + "81 00 0001 0001"),
        Arguments.of("A RDATA of 5 bytes", "0001 8180 0000 0001 0000 0000 00 0001 0001 00000000 0005 0102030405"),
        Arguments.of("RDLENGTH past the end", "0001 8180 0000 0001 0000 0000 00 0001 0001 00000000 0004 0102"),
        Arguments.of("CNAME shorter than RDLENGTH", "0001 8180 0000 0001 0000 0000 00 0005 0001 00000000 0004 01 61 00 00"),
        Arguments.of("bytes after the last record", q + "00 0001 0001 ff"),
        Arguments.of("more answers than present", "0001 8180 0000 0002 0000 0000 00 0001 0001 00000000 0004 01020304"),
        Arguments.of("OPT in the answer section", "0001 8180 0000 0001 0000 0000 00 0029 04d0 00000000 0000"),
        Arguments.of("two OPT records", "0001 8180 0000 0000 0000 0002 00 0029 04d0 00000000 0000 00 0029 04d0 00000000 0000"),
        Arguments.of("OPT option past RDLENGTH", "0001 8180 0000 0000 0000 0001 00 0029 04d0 00000000 0004 000a 0008"),
        Arguments.of("name longer than 255 bytes", q + "3f" + "61".repeat(63) + "3f" + "61".repeat(63) + "3f"
            + "61".repeat(63) + "3f" + "61".repeat(63) + "00 0001 0001"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedMessages(String reason, String spacedHex) {
    byte[] wire = HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    assertThatThrownBy(() -> DnsMessage.decode(wire)).isInstanceOf(DnsFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a..b", ".a", "a\\", "a\\25", "a\\256", "é.example"})
  void rejectsBadPresentationNames(String name) {
    assertThat(DnsName.isValid(name)).isFalse();
    assertThatThrownBy(() -> DnsName.toWire(name)).isInstanceOf(DnsFormatException.class);
  }

  @Test
  void limitsLabelsAndNames() throws Exception {
    assertThat(DnsName.isValid("a".repeat(63) + ".b")).isTrue();
    assertThat(DnsName.isValid("a".repeat(64) + ".b")).isFalse();
    String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
    assertThat(DnsName.toWire(name253)).hasSize(255);
    assertThat(DnsName.isValid(name253 + "e")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"'a\\.b.example', 'a\\.b.example'", "'A\\066c.', 'ABc'", "'x\\\\y', 'x\\\\y'", "'tab\\009', 'tab\\009'"})
  void canonicalFormEscapesAsGlibcNtop(String input, String canonical) throws Exception {
    assertThat(DnsName.canonical(input)).isEqualTo(canonical);
    assertThat(DnsName.toWire(canonical)).isEqualTo(DnsName.toWire(input));
  }
}
