package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NetDb#lookup} and {@link NetDb#lookupAsync} over a private hosts file (no DNS: no nameserver answers). */
class JavaFaceTest {
  @TempDir Path dir;
  NetDb db;

  @BeforeEach
  void setUp() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), """
        192.0.2.1 two.test
        2001:db8::1 two.test
        192.0.2.1 two.test
        192.0.2.9 v4.test
        """);
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    db = NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(Files.writeString(dir.resolve("host.conf"), "multi on\n"))
        .nameserver(new java.net.InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9))
        .hostname("h").noInterfaceAddresses().build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      two.test | UNSPEC | 2001:db8:0:0:0:0:0:1,192.0.2.1
      two.test | INET   | 192.0.2.1
      two.test | INET6  | 2001:db8:0:0:0:0:0:1
      v4.test  | UNSPEC | 192.0.2.9
      """)
  void addressesInGlibcOrderOncePerAddressNamedAsAsked(String host, AddressFamily family, String expected)
      throws Exception {
    List<InetAddress> got = db.lookup(host, family);
    List<String> want = List.of(expected.split(","));
    assertThat(got).extracting(InetAddress::getHostAddress).isEqualTo(want);
    assertThat(got).extracting(InetAddress::getHostName).containsOnly(host);
    // The same answer arrives through the asynchronous path, in the same order.
    assertThat(db.lookupAsync(host, family).join()).isEqualTo(got);
    // glibc's order is getaddrinfo's own (the ordering itself is checked against glibc elsewhere).
    assertThat(got).extracting(InetAddress::getHostAddress).isEqualTo(
        db.getaddrinfo(host, null, family.value(), 1, 0, 0).stream()
            .map(ai -> ai.socketAddress().getAddress().getHostAddress()).distinct().toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      v4.test    | v4.test: Temporary failure in name resolution (every nameserver failed or timed out: SERVFAIL or no answer)
      127.0.0.1  | 127.0.0.1: Address family for hostname not supported
      """)
  void failuresBecomeUnknownHostExceptionsNamingTheHost(String host, String message) {
    assertThatThrownBy(() -> db.lookup(host, AddressFamily.INET6))
        .isInstanceOf(UnknownHostException.class)
        .hasMessageStartingWith(message)
        .hasCauseInstanceOf(GaiException.class);
    assertThatThrownBy(() -> db.lookupAsync(host, AddressFamily.INET6).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(UnknownHostException.class).hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2001:db8::1,192.0.2.1,2001:db8::2,192.0.2.2 | INET   | 192.0.2.1,192.0.2.2,2001:db8::1,2001:db8::2   | false
      2001:db8::1,192.0.2.1,2001:db8::2,192.0.2.2 | INET6  | 2001:db8::1,2001:db8::2,192.0.2.1,192.0.2.2   | false
      192.0.2.1,2001:db8::1,192.0.2.2             | INET   | 192.0.2.1,192.0.2.2,2001:db8::1               | false
      192.0.2.1,192.0.2.2,2001:db8::1             | INET   | 192.0.2.1,192.0.2.2,2001:db8::1               | true
      2001:db8::1,192.0.2.1                       | INET6  | 2001:db8::1,192.0.2.1                         | true
      2001:db8::1,192.0.2.1                       | UNSPEC | 2001:db8::1,192.0.2.1                         | true
      192.0.2.1                                   | INET6  | 192.0.2.1                                     | true
      2001:db8::1,2001:db8::2                     | INET   | 2001:db8::1,2001:db8::2                       | true
      """)
  void preferringIsAStablePartitionAndReturnsItselfWhenInOrder(String given, AddressFamily first, String expected,
      boolean same) {
    ResolvedAddresses r = new ResolvedAddresses(
        java.util.Arrays.stream(given.split(",")).map(InetAddress::ofLiteral).toList(), java.time.Duration.ofSeconds(7));
    ResolvedAddresses p = r.preferring(first);
    assertThat(p.addresses()).isEqualTo(java.util.Arrays.stream(expected.split(",")).map(InetAddress::ofLiteral).toList());
    assertThat(p.ttl()).isEqualTo(r.ttl());
    assertThat(p == r).as("the same record").isEqualTo(same);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      two.test | INET   | 192.0.2.1,2001:db8:0:0:0:0:0:1
      two.test | INET6  | 2001:db8:0:0:0:0:0:1,192.0.2.1
      v4.test  | INET6  | 192.0.2.9
      """)
  void lookupPreferringPutsOneFamilyFirst(String host, AddressFamily first, String expected) throws Exception {
    List<InetAddress> got = db.lookupPreferring(host, first);
    assertThat(got).extracting(InetAddress::getHostAddress).isEqualTo(List.of(expected.split(",")));
    assertThat(got).extracting(InetAddress::getHostName).containsOnly(host);
  }

  @org.junit.jupiter.api.Test
  void preferringUnixIsAnError() {
    ResolvedAddresses r = new ResolvedAddresses(List.of(InetAddress.ofLiteral("192.0.2.1")), java.time.Duration.ZERO);
    assertThatThrownBy(() -> r.preferring(AddressFamily.UNIX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> db.lookupPreferring("two.test", AddressFamily.UNIX))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
