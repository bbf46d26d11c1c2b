package dev.netdb.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.spi.ForkedJvm.Placement;
import dev.netdb.spi.ForkedJvm.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider in forked JVMs, one scenario each, on the class path and on the module path,
 * modelled on the JDK's own provider tests. Every JVM reads a private hosts file and asks only a
 * closed port on 127.0.0.1 for anything else, so nothing reaches the machine's resolver.
 */
class ProviderScenariosTest {
  @TempDir static Path dir;
  static Path hosts;
  static Path resolvConf;

  @BeforeAll
  static void files() throws IOException {
    hosts = dir.resolve("hosts");
    Files.writeString(hosts, """
        127.0.0.5 localhost spi-probe.test
        127.0.0.6 dual.spi.test
        ::6 dual.spi.test
        127.0.0.7 rev.spi.test rev-alias.spi.test
        """);
    resolvConf = dir.resolve("resolv.conf");
    Files.writeString(resolvConf, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
  }

  /** The JVM options every scenario gets: private files, a dead loopback port, no JDK cache. */
  static List<String> base(String... more) {
    List<String> a = new ArrayList<>(List.of(
        "-Dnetdb.hosts=" + hosts,
        "-Dnetdb.resolvConf=" + resolvConf,
        "-Dnetdb.gaiConf=" + dir.resolve("no-gai.conf"),
        "-Dnetdb.nameservers=127.0.0.1:9",
        "-Dsun.net.inetaddr.ttl=0",
        "-Dsun.net.inetaddr.negative.ttl=0"));
    a.addAll(List.of(more));
    return a;
  }

  static Result run(Placement how, List<String> jvmArgs, String... scenario) {
    Result r = ForkedJvm.run(how, jvmArgs, scenario);
    assertThat(r.exit()).as("exit of %s; stdout:%n%s%nstderr:%n%s", List.of(scenario), r.out(), r.err()).isZero();
    return r;
  }

  /** glibc's order for the private hosts file, from netdb itself (the differential suites check it against glibc). */
  static String glibcOrder(String host) {
    NetDb db = NetDb.builder().hostsFile(hosts).resolvConf(resolvConf).gaiConf(dir.resolve("no-gai.conf")).build();
    List<AddrInfo> ais = db.addrinfo(host, null, 0, 1, 0, 0);
    return ais.stream().map(ai -> ai.socketAddress().getAddress().getHostAddress()).distinct().collect(Collectors.joining(","));
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void forwardLookupsComeFromNetdb(Placement how) {
    Result r = run(how, base(), "lookup", "spi-probe.test", "rev-alias.spi.test");
    assertThat(r.value("spi-probe.test")).isEqualTo("127.0.0.5");
    assertThat(r.value("rev-alias.spi.test")).isEqualTo("127.0.0.7");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void lookupPolicyMapsToFamiliesAndOrder(Placement how) {
    // Default policy: IPv4 and IPv6, IPv4 first (java.net.preferIPv6Addresses=false).
    assertThat(run(how, base(), "lookup", "dual.spi.test").value("dual.spi.test")).isEqualTo("127.0.0.6,0:0:0:0:0:0:0:6");
    assertThat(run(how, base("-Djava.net.preferIPv6Addresses=true"), "lookup", "dual.spi.test").value("dual.spi.test"))
        .isEqualTo("0:0:0:0:0:0:0:6,127.0.0.6");
    assertThat(run(how, base("-Djava.net.preferIPv4Stack=true"), "lookup", "dual.spi.test").value("dual.spi.test"))
        .isEqualTo("127.0.0.6");
    // "system": no reordering, glibc's getaddrinfo order as it stands.
    String glibc = glibcOrder("dual.spi.test").replace("::6", "0:0:0:0:0:0:0:6");
    assertThat(run(how, base("-Djava.net.preferIPv6Addresses=system"), "lookup", "dual.spi.test").value("dual.spi.test"))
        .isEqualTo(glibc);
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void reverseLookupsUseGetnameinfo(Placement how) {
    Result r = run(how, base(), "reverse", "127.0.0.7", "127.0.0.99");
    assertThat(r.value("127.0.0.7")).isEqualTo("rev.spi.test");
    // No name: the JDK falls back to the literal when the provider throws UnknownHostException.
    assertThat(r.value("127.0.0.99")).isEqualTo("127.0.0.99");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void failuresNameTheHostAndWhy(Placement how) {
    // Not in the hosts file; the only nameserver is a closed loopback port.
    String v = run(how, base(), "lookup", "absent.spi.test").value("absent.spi.test");
    assertThat(v).startsWith("!absent.spi.test: Temporary failure in name resolution (every nameserver failed");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void firstLookupFromInsideInetAddressBootstraps(Placement how) {
    Result r = run(how, base(), "bootstrap");
    assertThat(r.value("getLocalHost")).isNotNull();
    assertThat(r.value("localhost")).isEqualTo("127.0.0.5");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void disabledProviderHandsLookupsToTheBuiltinResolver(Placement how) {
    // Only "localhost" is asked: the built-in resolver answers it from the machine's /etc/hosts.
    Result r = run(how, base("-Dnetdb.disable=true"), "localhost");
    assertThat(r.value("localhost")).isNotEqualTo("127.0.0.5").contains("127.0.0.1");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void badSettingIsReportedOnceAndTheDefaultUsed(Placement how) {
    Result r = run(how, base("-Dnetdb.backend=bogus", "-Dnetdb.cache=maybe"), "lookup", "spi-probe.test");
    assertThat(r.value("spi-probe.test")).isEqualTo("127.0.0.5");
    assertThat(r.err()).containsOnlyOnce("netdb.backend").containsOnlyOnce("netdb.cache");
  }
}
