package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.files.GaiConf;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC 3484 comparison and the policy tables, as pure functions. */
class Rfc3484Test {
  private static final List<LocalAddress> DUAL = Fixture.Network.DUAL.addresses;

  private static List<String> sort(List<LocalAddress> locals, GaiConf conf, String... dests) {
    SourceProbe probe = SourceProbe.fromInterfaces(locals);
    List<Rfc3484.Candidate> c = new ArrayList<>();
    for (String d : dests) {
      byte[] a = IpLiterals.pton4(d) != null ? IpLiterals.pton4(d) : IpLiterals.pton6(d);
      byte[] src = probe.sourceFor(a, 0, 0);
      c.add(new Rfc3484.Candidate(a, src, Rfc3484.sourceInfo(src, locals)));
    }
    return Arrays.stream(Rfc3484.order(c, conf)).mapToObj(i -> dests[i]).toList();
  }

  @Test
  void prefersUsableThenMatchingScopeLabelAndPrecedence() {
    assertThat(sort(DUAL, GaiConf.defaults(), "127.0.0.1", "::1")).containsExactly("::1", "127.0.0.1");
    assertThat(sort(DUAL, GaiConf.defaults(), "0.0.0.0", "::")).containsExactly("0.0.0.0", "::");
    assertThat(sort(Fixture.Network.V4_ONLY.addresses, GaiConf.defaults(), "2001:db8::10", "192.0.2.10"))
        .containsExactly("192.0.2.10", "2001:db8::10");
  }

  @Test
  void ipv4LongestPrefixOnlyCountsInsideTheSourceSubnet() {
    // glibc rule 9 for IPv4: a destination outside the source's /24 scores 0 and so beats one
    // inside it that differs in the low bits.
    assertThat(sort(DUAL, GaiConf.defaults(), "192.0.2.200", "198.51.100.1"))
        .containsExactly("198.51.100.1", "192.0.2.200");
    assertThat(sort(DUAL, GaiConf.defaults(), "192.0.2.200", "192.0.2.3"))
        .containsExactly("192.0.2.3", "192.0.2.200");
  }

  @Test
  void keepsTheOriginalOrderOfEqualDestinations() {
    assertThat(sort(DUAL, GaiConf.defaults(), "192.0.2.11", "192.0.2.10", "192.0.2.11"))
        .containsExactly("192.0.2.11", "192.0.2.10", "192.0.2.11");
  }

  @Test
  void prefersSmallerScopeAndIpv6Rule9() {
    List<LocalAddress> locals = new ArrayList<>(DUAL);
    assertThat(sort(locals, GaiConf.defaults(), "2001:db8:1::1", "2001:db8::1"))
        .containsExactly("2001:db8::1", "2001:db8:1::1");
  }

  @ParameterizedTest(name = "{0}: label {1}, precedence {2}")
  @CsvSource({
    "::1, 0, 50",
    "::, 3, 20",
    "::ffff:1.2.3.4, 4, 10",
    "2002::1, 2, 30",
    "fec0::1, 5, 40",
    "fd00::1, 6, 40",
    "2001::1, 7, 40",
    "2001:db8::1, 1, 40",
  })
  void defaultTablesAreGlibcs(String addr, int label, int precedence) {
    byte[] a = IpLiterals.pton6(addr);
    assertThat(GaiConf.defaults().label(a)).isEqualTo(label);
    assertThat(GaiConf.defaults().precedence(a)).isEqualTo(precedence);
  }

  @Test
  void gaiConfLinesReplaceTablesAndKeepLongestPrefixFirst() {
    GaiConf c = GaiConf.parse("label ::/0 9\nlabel 2001:db8::/32 8\nscopev4 10.0.0.0/8 5\nreload yes\n");
    assertThat(c.label(IpLiterals.pton6("2001:db8::1"))).isEqualTo(8);
    assertThat(c.label(IpLiterals.pton6("::1"))).isEqualTo(9);
    assertThat(c.precedence(IpLiterals.pton6("::1"))).isEqualTo(50);
    assertThat(c.scopeV4(new byte[] {10, 1, 2, 3})).isEqualTo(5);
    assertThat(c.scopeV4(new byte[] {127, 0, 0, 1})).isEqualTo(14);
    assertThat(c.reload()).isTrue();
    GaiConf p = GaiConf.parse("precedence ::ffff:0:0/96 100\n");
    assertThat(p.precedence(IpLiterals.pton6("::1"))).isEqualTo(40);
    assertThat(p.precedence(IpLiterals.mapV4(new byte[] {1, 2, 3, 4}))).isEqualTo(100);
  }

  @Test
  void gaiConfSkipsBadLinesWithDiagnostics() {
    GaiConf c = GaiConf.parse("label ::/129 1\nprecedence ::/0 -1\nscopev4 ::1/128 3\nfoo bar\nlabel\n");
    assertThat(c.diagnostics()).hasSize(5);
    assertThat(c.labels()).isEqualTo(GaiConf.defaults().labels());
  }
}
