package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Fuzzes the DNS message decoder, presentation names and the resolv.conf parser. Invariants: the
 * decoder throws only {@link DnsFormatException} and what it accepts re-encodes to a message that
 * decodes to the same value; names either fail {@link DnsName#toWire} or survive canonicalisation;
 * the resolv.conf parser never throws and always stays within glibc's limits.
 *
 * <p>Regression inputs live in {@code src/test/resources/dev/netdb/dns/DnsFuzzTestInputs/} and
 * run in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl netdb-lib test -Dtest=DnsFuzzTest} fuzzes.
 */
class DnsFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decode(byte[] wire) throws DnsFormatException {
    DnsMessage m;
    try {
      m = DnsMessage.decode(wire);
    } catch (DnsFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(DnsMessage.decode(m.encode())).isEqualTo(m);
    assertThat(DnsMessage.decode(DnsEncoder.encode(m, false))).isEqualTo(m);
  }

  /**
   * Fuzzes the lenient reply reader the exchange uses: it throws only {@link DnsFormatException}
   * (header or question unreadable), and on any message the strict decoder accepts it agrees.
   */
  @FuzzTest(maxDuration = "60s")
  void decodeReply(byte[] wire) {
    DnsDecoder.Reply r;
    try {
      r = DnsDecoder.decodeReply(wire, 0, wire.length);
    } catch (DnsFormatException e) {
      return;
    }
    try {
      DnsMessage strict = DnsMessage.decode(wire);
      assertThat(r.answerError()).isNull();
      assertThat(r.message()).isEqualTo(strict);
    } catch (DnsFormatException e) {
      // lenient where the strict decoder is not: forward pointers, trailing bytes, bad authority
    }
  }

  @FuzzTest(maxDuration = "60s")
  void names(FuzzedDataProvider data) throws DnsFormatException {
    String name = data.consumeRemainingAsString();
    byte[] wire;
    try {
      wire = DnsName.toWire(name);
    } catch (DnsFormatException e) {
      assertThat(DnsName.isValid(name)).isFalse();
      return;
    }
    assertThat(wire.length).isLessThanOrEqualTo(DnsName.MAX_WIRE_LENGTH);
    String canonical = DnsName.canonical(name);
    assertThat(DnsName.toWire(canonical)).isEqualTo(wire);
    assertThat(DnsName.canonical(canonical)).isEqualTo(canonical);
  }

  @FuzzTest(maxDuration = "60s")
  void resolvConf(FuzzedDataProvider data) {
    String localDomain = data.consumeBoolean() ? data.consumeString(40) : null;
    String resOptions = data.consumeBoolean() ? data.consumeString(40) : null;
    String hostname = data.consumeString(30);
    String text = data.consumeRemainingAsString();
    java.util.HashMap<String, String> env = new java.util.HashMap<>();
    if (localDomain != null) env.put("LOCALDOMAIN", localDomain);
    if (resOptions != null) env.put("RES_OPTIONS", resOptions);
    ResolverConfig c = ResolvConfParser.parse(text, "fuzz", Map.copyOf(env), hostname);
    assertThat(c.nameservers()).isNotEmpty().hasSizeLessThanOrEqualTo(ResolverConfig.MAX_NAMESERVERS)
        .allMatch(s -> s.getPort() == 53 && !s.isUnresolved());
    assertThat(c.search()).hasSizeLessThanOrEqualTo(ResolverConfig.MAX_SEARCH);
    assertThat(c.ndots()).isBetween(0, ResolverConfig.MAX_NDOTS);
    assertThat(c.attempts()).isBetween(0, ResolverConfig.MAX_ATTEMPTS);
    assertThat(c.timeout().toSeconds()).isBetween(1L, (long) ResolverConfig.MAX_TIMEOUT_SECONDS);
  }
}
