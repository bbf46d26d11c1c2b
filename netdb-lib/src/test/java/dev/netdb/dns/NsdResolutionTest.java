package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddressFamily;
import dev.netdb.text.IpLiterals;
import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolves the test zone through a real NSD on loopback, over IPv4 and IPv6, UDP and TCP. */
@ExtendWith(NsdExtension.class)
class NsdResolutionTest {

  static DnsHostResult lookup(NsdServer nsd, String name, AddressFamily family, UnaryOperator<ResolverConfig.Builder> cfg)
      throws Exception {
    ResolverConfig c = cfg.apply(ResolverConfig.builder().nameserver(nsd.ipv4()).timeout(Duration.ofSeconds(2))).build();
    try (DnsClient client = DnsClient.create(() -> c, DnsCache.disabled())) {
      return client.lookupHost(name, family.value()).join();
    }
  }

  static List<String> texts(DnsHostResult r) {
    assertThat(r).isInstanceOf(DnsHostResult.Found.class);
    List<String> out = new ArrayList<>();
    for (byte[] b : ((DnsHostResult.Found) r).addresses()) out.add(IpLiterals.ntop(b));
    return out;
  }

  static List<String> normalised(List<String> literals) {
    return literals.stream().map(s -> IpLiterals.ntop(InetAddress.ofLiteral(s).getAddress())).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.test", "www.example.test.", "WWW.EXAMPLE.TEST", "Www.Example.Test."})
  void cnameChainAsGlibc(String name, NsdServer nsd) throws Exception {
    DnsHostResult r = lookup(nsd, name, AddressFamily.INET, b -> b);
    DnsHostResult.Found f = (DnsHostResult.Found) r;
    assertThat(f.canonicalName()).isEqualToIgnoringCase(TestZone.HOST);
    assertThat(f.aliases()).map(String::toLowerCase).containsExactly(TestZone.WWW, TestZone.WEB);
    assertThat(texts(r)).isEqualTo(normalised(TestZone.HOST_V4));
    assertThat(f.ttlSeconds()).isEqualTo(TestZone.TTL);
  }

  @Test
  void bothFamilies(NsdServer nsd) throws Exception {
    List<String> want = new ArrayList<>(normalised(TestZone.DUAL_V4));
    want.addAll(normalised(TestZone.DUAL_V6));
    assertThat(texts(lookup(nsd, TestZone.DUAL, AddressFamily.UNSPEC, b -> b))).isEqualTo(want);
    assertThat(texts(lookup(nsd, TestZone.DUAL, AddressFamily.UNSPEC, b -> b.singleRequest(true)))).isEqualTo(want);
    assertThat(texts(lookup(nsd, TestZone.DUAL, AddressFamily.INET6, b -> b))).isEqualTo(normalised(TestZone.DUAL_V6));
  }

  @ParameterizedTest
  @CsvSource({
    "nosuch.example.test,    INET,   HOST_NOT_FOUND",
    "dangling.example.test,  INET,   HOST_NOT_FOUND",
    "nodata.example.test,    UNSPEC, NO_DATA",
    "v6only.example.test,    INET,   NO_DATA",
    "v4only.example.test,    INET6,  NO_DATA",
    "ent.example.test,       INET,   NO_DATA",
    "loop1.example.test,     INET,   NO_RECOVERY",
    "outside.invalid,        INET,   TRY_AGAIN",
  })
  void failures(String name, AddressFamily family, DnsError error, NsdServer nsd) throws Exception {
    DnsHostResult r = lookup(nsd, name, family, b -> b.attempts(1));
    assertThat(r).isInstanceOf(DnsHostResult.Failed.class);
    assertThat(((DnsHostResult.Failed) r).error()).isEqualTo(error);
  }

  @Test
  void truncationFallsBackToTcp(NsdServer nsd) throws Exception {
    assertThat(texts(lookup(nsd, TestZone.BIG100, AddressFamily.INET, b -> b))).isEqualTo(TestZone.big100Addresses());
    assertThat(texts(lookup(nsd, TestZone.BIG100, AddressFamily.INET, b -> b.edns0(true))))
        .isEqualTo(TestZone.big100Addresses());
    assertThat(texts(lookup(nsd, TestZone.BIG40, AddressFamily.INET, b -> b.edns0(true)))).isEqualTo(TestZone.big40Addresses());
    assertThat(texts(lookup(nsd, TestZone.HOST, AddressFamily.INET, b -> b.useVc(true)))).isEqualTo(normalised(TestZone.HOST_V4));
  }

  @Test
  void searchListAndWildcard(NsdServer nsd) throws Exception {
    assertThat(texts(lookup(nsd, "host", AddressFamily.INET, b -> b.search(List.of("nowhere.example.test", "example.test")))))
        .isEqualTo(normalised(TestZone.HOST_V4));
    assertThat(texts(lookup(nsd, TestZone.WILDCARD_MATCH, AddressFamily.INET, b -> b)))
        .containsExactly(TestZone.WILDCARD_V4);
  }

  @Test
  void overIpv6Loopback(NsdServer nsd) throws Exception {
    ResolverConfig c = ResolverConfig.builder().nameserver(nsd.ipv6()).timeout(Duration.ofSeconds(2)).build();
    try (DnsClient client = DnsClient.create(() -> c, DnsCache.disabled())) {
      assertThat(texts(client.lookupHost(TestZone.HOST, AddressFamily.INET.value()).join())).isEqualTo(normalised(TestZone.HOST_V4));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.110,    host.example.test",
    "2001:db8::110,  host.example.test",
    "192.0.2.120,    dual.example.test",
    "2001:db8::120,  dual.example.test",
  })
  void reverseLookups(String address, String name, NsdServer nsd) throws Exception {
    ResolverConfig c = ResolverConfig.builder().nameserver(nsd.ipv4()).timeout(Duration.ofSeconds(2)).build();
    try (DnsClient client = DnsClient.create(() -> c, DnsCache.disabled())) {
      DnsHostResult r = client.lookupAddress(InetAddress.ofLiteral(address)).join();
      assertThat(((DnsHostResult.Found) r).canonicalName()).isEqualTo(name);
      DnsHostResult none = client.lookupAddress(InetAddress.ofLiteral(TestZone.PTR_NONE_V4)).join();
      assertThat(((DnsHostResult.Failed) none).error()).isEqualTo(DnsError.HOST_NOT_FOUND);
    }
  }

  @Test
  void negativeAnswersAreCachedForTheSoaMinimum(NsdServer nsd) throws Exception {
    ResolverConfig c = ResolverConfig.builder().nameserver(nsd.ipv4()).timeout(Duration.ofSeconds(2)).build();
    DnsCache cache = DnsCache.builder().build();
    try (DnsClient client = DnsClient.create(() -> c, cache)) {
      DnsOutcome o = client.query(DnsQuestion.in(TestZone.NXDOMAIN, DnsType.A)).join();
      assertThat(o).isInstanceOf(DnsOutcome.NxDomain.class);
      assertThat(cache.ttlNanos(o)).isEqualTo(Duration.ofSeconds(TestZone.NEGATIVE_TTL).toNanos());
      assertThat(client.query(DnsQuestion.in(TestZone.NXDOMAIN, DnsType.A)).join()).isSameAs(o);
    }
  }

}
