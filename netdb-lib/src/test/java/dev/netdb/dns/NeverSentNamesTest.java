package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.netdb.GaiException;
import dev.netdb.HostException;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.dns.FakeDnsServer.Reply;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names glibc 2.36 never sends, each row named by its rule: on every path that checks the name
 * ({@code res_hnok} in {@code nss_dns}'s {@code gethostbyname2_r}/{@code gethostbyname4_r}, and
 * {@code __nss_hostname_digits_dots} on the AF_INET path) the pure-Java back end must answer as
 * glibc does without sending anything: the in-process fake server's request log stays empty.
 * The server answers every question with an address, so a name that leaked out would even
 * succeed. The answers themselves are checked against Python in the oracle namespace by netdb-cli's
 * {@code ResolverRulesDifferentialTest}; this test pins the "nothing sent" half.
 */
class NeverSentNamesTest {
  private static FakeDnsServer server;
  private static NetDb db;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    // getByAddress makes no lookup.
    Inet4Address a = (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) 150});
    Inet6Address aaaa = (Inet6Address) InetAddress.getByAddress(
        new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x50});
    server = FakeDnsServer.start(r -> {
      DnsQuestion q = r.query().questions().getFirst();
      return new Reply(q.type() == DnsType.A
          ? Replies.answer(r.query(), new ResourceRecord.A(q.name(), 1, 300, a))
          : Replies.answer(r.query(), new ResourceRecord.Aaaa(q.name(), 1, 300, aaaa)));
    });
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    // Network safety: a private resolv.conf; the only server is the fake one on loopback.
    Path resolv = Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.1\noptions attempts:1 timeout:1\n");
    db = NetDb.builder().hostsFile(hosts).resolvConf(resolv).nameserver(server.address())
        .gaiConf(dir.resolve("absent-gai.conf")).hostConf(dir.resolve("absent-host.conf"))
        .hostname("testhost").noInterfaceAddresses().cache(false).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private int logged;

  @BeforeEach
  void markLog() {
    logged = server.log().size();
  }

  /** Returns the requests received since the test began. */
  private List<FakeDnsServer.Request> sent() {
    List<FakeDnsServer.Request> all = server.log();
    return all.subList(logged, all.size());
  }

  static Stream<Arguments> hostNameRules() {
    String l63 = "a".repeat(63);
    return Stream.of(
        Arguments.of("nul-escape-in-label", "a\\000b.example.test"),
        Arguments.of("nul-escape-alone", "\\000.example.test"),
        Arguments.of("space-in-label", "a b.example.test"),
        Arguments.of("tab-in-label", "a\tb.example.test"),
        Arguments.of("del-in-label", "a\u007fb.example.test"),
        Arguments.of("idna-result-with-space", "\u00fc b.example.test"),
        Arguments.of("bang-in-label", "a!b.example.test"),
        Arguments.of("star-label", "*.example.test"),
        Arguments.of("slash-in-label", "a/b.example.test"),
        Arguments.of("angle-brackets", "<broadcast>"),
        Arguments.of("colon-in-label", "1::2::3"),
        Arguments.of("leading-dash", "-x.example.test"),
        Arguments.of("backslash-escaped-dot", "a\\.b.example.test"),
        Arguments.of("backslash-escaped-space", "a\\ b.example.test"),
        Arguments.of("backslash-decimal-over-255", "\\256.example.test"),
        Arguments.of("backslash-short-decimal", "a\\09.example.test"),
        Arguments.of("backslash-dangling", "example.test\\"),
        Arguments.of("name-over-255", (l63 + ".").repeat(4) + "example.test"),
        Arguments.of("name-wire-256", (l63 + ".").repeat(3) + "d".repeat(49) + ".example.test"));
  }

  /** The getaddrinfo paths that check the name first: (family, flags). */
  private static final int[][] CHECKED_PATHS = {
    {0, 0}, {0, 2}, {2, 0}, {10, 0}, {10, 8}, {10, 8 | 16},
  };

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostNameRules")
  void namesFailingResHnokAreNeverSent(String rule, String name) {
    for (int[] p : CHECKED_PATHS) {
      Throwable t = catchThrowable(() -> db.getaddrinfo(name, null, p[0], 1, 0, p[1]));
      assertThat(t).as("%s family %d flags %d", rule, p[0], p[1]).isInstanceOf(NetDbException.class);
      if (t instanceof GaiException g) {
        assertThat(g.code()).hasValue(-2);
      }
    }
    assertFails(() -> db.gethostbynameEx(name));
    if (!name.equals("<broadcast>")) {
      // '<broadcast>' is 255.255.255.255 to gethostbyname, and gethostbyaddr asks for its PTR,
      // as CPython's setipaddr and glibc do.
      assertFails(() -> db.gethostbyname(name));
      assertFails(() -> db.gethostbyaddr(name));
    }
    assertThat(sent()).as(rule).isEmpty();
  }

  static Stream<Arguments> numericRules() {
    return Stream.of(
        Arguments.of("dotted-quad-out-of-range", "1.2.3.400"),
        Arguments.of("dotted-quad-first-over-255", "256.1.1.1"),
        Arguments.of("dotted-five-parts", "1.2.3.4.5"),
        Arguments.of("integer-over-32-bits", "4294967296"),
        Arguments.of("dotted-octal-invalid", "1.2.3.08"),
        Arguments.of("ipv6-hex-with-dots", "1:2:3:4:5:6:7:1.2.3.400"));
  }

  /**
   * Digits-and-dots names that are no address pass {@code res_hnok}, but on the AF_INET path
   * ({@code try_simple_gethostbyname}, also Python's {@code gethostbyname}) glibc's {@code
   * __nss_hostname_digits_dots} rejects them first.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("numericRules")
  void digitsAndDotsThatAreNoAddressAreNeverSentOnTheInetPath(String rule, String name) {
    GaiException g = (GaiException) catchThrowable(() -> db.getaddrinfo(name, null, 2, 1, 0, 0));
    assertThat(g.code()).as(rule).hasValue(-2);
    assertFails(() -> db.gethostbyname(name));
    assertFails(() -> db.gethostbynameEx(name));
    assertThat(sent()).as(rule).isEmpty();
  }

  /**
   * With AI_CANONNAME on AF_INET or AF_INET6 glibc takes {@code gethostbyname3_r}, which does not
   * check the name: it sends the query and rejects the reply in {@code getanswer_r}, so the
   * lookup still fails with EAI_NONAME even though the server answered.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostNameRules")
  void canonicalNamePathsSendButRejectTheAnswer(String rule, String name) {
    boolean encodable = DnsName.isValid(name);
    for (int family : new int[] {2, 10}) {
      GaiException g = (GaiException) catchThrowable(() -> db.getaddrinfo(name, null, family, 1, 0, 2));
      assertThat(g.code()).as("%s family %d", rule, family).hasValue(-2);
    }
    if (encodable) {
      assertThat(sent()).as(rule).isNotEmpty();
    }
  }

  private static void assertFails(Supplier<Object> call) {
    Throwable t = catchThrowable(call::get);
    assertThat(t).isInstanceOfAny(GaiException.class, HostException.class, NetDbException.class);
  }
}
