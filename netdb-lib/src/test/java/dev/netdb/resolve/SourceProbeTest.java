package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.text.IpLiterals;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interface-list probe's routing model, the cache around a probe, and the real UDP probe. */
class SourceProbeTest {
  private static String route(Fixture.Network net, String dest, int scope) {
    byte[] d = IpLiterals.pton4(dest) != null ? IpLiterals.pton4(dest) : IpLiterals.pton6(dest);
    byte[] s = SourceProbe.fromInterfaces(net.addresses).sourceFor(d, scope, 80);
    return s == null ? "unreachable" : IpLiterals.ntop(s);
  }

  @ParameterizedTest(name = "{0} {1}%{2}")
  @CsvSource({
    "DUAL, 192.0.2.77, 0, 192.0.2.2",
    "DUAL, 198.51.100.1, 0, 192.0.2.2",
    "DUAL, 127.0.0.5, 0, 127.0.0.1",
    "DUAL, 0.0.0.0, 0, 127.0.0.1",
    "DUAL, ::, 0, ::1",
    "DUAL, 2001:db8:5::1, 0, 2001:db8::2",
    "DUAL, fe80::9, 2, fe80::2",
    "DUAL, fe80::9, 0, unreachable",
    "DUAL, ::ffff:192.0.2.9, 0, ::ffff:192.0.2.2",
    "LO_ONLY, 192.0.2.77, 0, unreachable",
    "V4_ONLY, 2001:db8::10, 0, unreachable",
    "V6_ONLY, 192.0.2.10, 0, unreachable",
  })
  void routesLikeOneSubnetPerAddressAndADefaultRoutePerFamily(Fixture.Network net, String dest, int scope, String expected) {
    assertThat(route(net, dest, scope)).isEqualTo(expected);
  }

  @Test
  void cacheAsksOncePerDestinationWithinTheTtl() {
    AtomicInteger asked = new AtomicInteger();
    AtomicLong clock = new AtomicLong();
    SourceProbe counting = (d, s, p) -> {
      asked.incrementAndGet();
      return new byte[] {127, 0, 0, 1};
    };
    SourceProbe cached = SourceProbe.cached(counting, clock::get, 100, 10);
    byte[] dest = {127, 0, 0, 1};
    cached.sourceFor(dest, 0, 80);
    cached.sourceFor(dest, 0, 443);
    assertThat(asked).hasValue(1);
    clock.set(100);
    cached.sourceFor(dest, 0, 80);
    assertThat(asked).hasValue(2);
  }

  @Test
  void udpConnectFindsLoopbackSourcesWithoutSending() {
    SourceProbe probe = SourceProbe.udpConnect();
    assertThat(probe.sourceFor(new byte[] {127, 0, 0, 1}, 0, 0)).containsExactly(127, 0, 0, 1);
    assertThat(probe.sourceFor(new byte[4], 0, 80)).containsExactly(127, 0, 0, 1);
  }
}
