package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.resolve.Fixture.Network;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * python-semantics.md section 6b: the same calls on the four networks of the reference experiment
 * (interface addresses and source addresses injected), and the gai.conf and host.conf variants.
 * Results are the hosts of the entries in order; errors are {@code gaierror(code)}.
 */
class NetworkVariantsTest {
  private static final int S = 1;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int AI_PASSIVE = 1;
  private static final int AI_ADDRCONFIG = 32;

  private static Arguments row(String id, Function<NetDb, Object> call, String dual, String lo, String v4, String v6) {
    return Arguments.of(id, call, dual, lo, v4, v6);
  }

  static Stream<Arguments> networks() {
    return Stream.of(
        row("getaddrinfo('localhost',80,0,S,0,AI_ADDRCONFIG)", db -> db.getaddrinfo("localhost", 80, 0, S, 0, AI_ADDRCONFIG),
            "::1; 127.0.0.1", "::1; 127.0.0.1", "127.0.0.1; 127.0.0.1", "::1"),
        row("getaddrinfo('localhost',80,AF_INET6,S,0,AI_ADDRCONFIG)", db -> db.getaddrinfo("localhost", 80, AF_INET6, S, 0, AI_ADDRCONFIG),
            "::1", "gaierror(-2)", "gaierror(-2)", "::1"),
        row("getaddrinfo('localhost',80,AF_INET,S,0,AI_ADDRCONFIG)", db -> db.getaddrinfo("localhost", 80, AF_INET, S, 0, AI_ADDRCONFIG),
            "127.0.0.1; 127.0.0.1", "gaierror(-2)", "127.0.0.1; 127.0.0.1", "gaierror(-2)"),
        row("getaddrinfo('::1',80,0,S,0,AI_ADDRCONFIG)", db -> db.getaddrinfo("::1", 80, 0, S, 0, AI_ADDRCONFIG),
            "::1", "::1", "gaierror(-9)", "::1"),
        row("getaddrinfo('127.0.0.1',80,0,S,0,AI_ADDRCONFIG)", db -> db.getaddrinfo("127.0.0.1", 80, 0, S, 0, AI_ADDRCONFIG),
            "127.0.0.1", "127.0.0.1", "127.0.0.1", "gaierror(-9)"),
        row("getaddrinfo(None,80,0,S,0,AI_PASSIVE|AI_ADDRCONFIG)", db -> db.getaddrinfo(null, 80, 0, S, 0, AI_PASSIVE | AI_ADDRCONFIG),
            "0.0.0.0; ::", "0.0.0.0; ::", "0.0.0.0", "::"),
        row("getaddrinfo('multi.example',80,0,S)", db -> db.getaddrinfo("multi.example", 80, 0, S, 0, 0),
            "2001:db8::10; 192.0.2.10; 192.0.2.11", "2001:db8::10; 192.0.2.10; 192.0.2.11",
            "192.0.2.10; 192.0.2.11; 2001:db8::10", "2001:db8::10; 192.0.2.10; 192.0.2.11"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void matchesEveryNetwork(String id, Function<NetDb, Object> call, String dual, String lo, String v4, String v6) {
    assertThat(Fixture.hosts(() -> call.apply(Fixture.netdb(Network.DUAL)))).as("dual").isEqualTo(dual);
    assertThat(Fixture.hosts(() -> call.apply(Fixture.netdb(Network.LO_ONLY)))).as("lo only").isEqualTo(lo);
    assertThat(Fixture.hosts(() -> call.apply(Fixture.netdb(Network.V4_ONLY)))).as("v4 only").isEqualTo(v4);
    assertThat(Fixture.hosts(() -> call.apply(Fixture.netdb(Network.V6_ONLY)))).as("v6 only").isEqualTo(v6);
  }

  private static final String IPV4_FIRST =
      """
      precedence  ::1/128       50
      precedence  ::/0          40
      precedence  2002::/16     30
      precedence ::/96          20
      precedence ::ffff:0:0/96  100
      """;

  static Stream<Arguments> gaiConfVariants() {
    return Stream.of(
        Arguments.of("full table", IPV4_FIRST),
        Arguments.of("single line (replaces the whole table)", "precedence ::ffff:0:0/96 100\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gaiConfVariants")
  void precedenceLinePutsIpv4First(String id, String gaiConf) {
    NetDb db = Fixture.netdb(Network.DUAL, gaiConf, "multi on\n");
    assertThat(Fixture.hosts(() -> db.getaddrinfo("localhost", 80, 0, S, 0, 0))).isEqualTo("127.0.0.1; ::1");
    assertThat(Fixture.outcome(() -> db.gethostbyaddr("localhost"))).isEqualTo("('localhost', [], ['127.0.0.1'])");
    assertThat(Fixture.hosts(() -> db.getaddrinfo("multi.example", 80, 0, S, 0, 0)))
        .isEqualTo("192.0.2.10; 192.0.2.11; 2001:db8::10");
  }

  static Stream<Arguments> multiOff() {
    return Stream.of(
        Arguments.of("getaddrinfo('localhost',80,0,S)", (Function<NetDb, Object>) db -> db.getaddrinfo("localhost", 80, 0, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 80)]"),
        Arguments.of("gethostbyname_ex('localhost')", (Function<NetDb, Object>) db -> db.gethostbynameEx("localhost"),
            "('localhost', [], ['127.0.0.1'])"),
        Arguments.of("gethostbyname_ex('multi.example')", (Function<NetDb, Object>) db -> db.gethostbynameEx("multi.example"),
            "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10'])"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multiOff")
  void hostConfMultiOffUsesFirstLineOnly(String id, Function<NetDb, Object> call, String expected) {
    NetDb db = Fixture.netdb(Network.DUAL, "", "multi off\n");
    assertThat(Fixture.outcome(() -> call.apply(db))).isEqualTo(expected);
  }
}
