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
 * The cases of python-semantics.md section 6a that use the resolver, run through the Python layer
 * on the pure-Java back end in the reference set-up ("dual" network, fixture hosts file, multi on,
 * default gai.conf). Expected outputs are copied from the reference table (CPython 3.11.7 on
 * glibc 2.36), rendered in its notation. The table was made by one Python process calling the rows
 * in order, so the rows run in order on one instance and one thread: the {@code herror} codes of
 * rows 54, 59 and 62 are the {@code h_errno} that the rows before them left (HOST_NOT_FOUND from
 * the hosts file), as in CPython.
 */
class ReferenceTableTest {
  /** One instance for the whole table, as the table's one Python process. */
  private static final NetDb DB = Fixture.netdb(Network.DUAL);

  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int AF_UNIX = 1;
  private static final int S = 1;
  private static final int D = 2;
  private static final int R = 3;
  private static final int TCP = 6;
  private static final int AI_PASSIVE = 1;
  private static final int AI_CANONNAME = 2;
  private static final int AI_NUMERICHOST = 4;
  private static final int AI_V4MAPPED = 8;
  private static final int AI_ALL = 16;
  private static final int AI_NUMERICSERV = 1024;
  private static final int NI_NUMERICHOST = 1;

  private static Arguments row(String id, Function<NetDb, Object> call, String expected) {
    return Arguments.of(id, call, expected);
  }

  static Stream<Arguments> section6a() {
    return Stream.of(
        row("29 getservbyname('http', 'udp')", db -> db.getservbyname("http", "udp"), "OSError('service/proto not found')"),
        row("30 getservbyname('www')", db -> db.getservbyname("www"), "80"),
        row("31 getservbyname('HTTP')", db -> db.getservbyname("HTTP"), "OSError('service/proto not found')"),
        row("32 getservbyport(80, 'udp')", db -> db.getservbyport(80, "udp"), "OSError('port/proto not found')"),
        row("33 getservbyport(143)", db -> db.getservbyport(143), "'imap2'"),
        row("34 getservbyport(65536)", db -> db.getservbyport(65536), "OverflowError('getservbyport: port must be 0-65535.')"),
        row("35 getprotobyname('TCP')", db -> db.getprotobyname("TCP"), "6"),
        row("36 getprotobyname('Tcp')", db -> db.getprotobyname("Tcp"), "OSError('protocol not found')"),
        row("37 gethostbyname('127.1')", db -> db.gethostbyname("127.1"), "'127.0.0.1'"),
        row("38 gethostbyname('')", db -> db.gethostbyname(""), "'0.0.0.0'"),
        row("39 gethostbyname('<broadcast>')", db -> db.gethostbyname("<broadcast>"), "'255.255.255.255'"),
        row("40 gethostbyname('::1')", db -> db.gethostbyname("::1"), "gaierror(-9, 'Address family for hostname not supported')"),
        row("41 gethostbyname('TestHost.Example.ORG')", db -> db.gethostbyname("TestHost.Example.ORG"), "'127.0.1.1'"),
        row("42 gethostbyname('multi6')", db -> db.gethostbyname("multi6"), "gaierror(-2, 'Name or service not known')"),
        row("43 gethostbyname('localhost.')", db -> db.gethostbyname("localhost."), "gaierror(-2, 'Name or service not known')"),
        row("44 gethostbyname('hexaddr.example')", db -> db.gethostbyname("hexaddr.example"), "gaierror(-2, 'Name or service not known')"),
        row("45 gethostbyname('bücher.example')", db -> db.gethostbyname("bücher.example"), "'192.0.2.20'"),
        row("46 gethostbyname('straße.example')", db -> db.gethostbyname("straße.example"), "'192.0.2.22'"),
        row("47 gethostbyname('example.'+'a'*64)", db -> db.gethostbyname("example." + "a".repeat(64)),
            "UnicodeError(\"encoding with 'idna' codec failed (UnicodeError: label too long)\")"),
        row("48 gethostbyname_ex('localhost')", db -> db.gethostbynameEx("localhost"),
            "('localhost', ['ip6-localhost', 'ip6-loopback'], ['127.0.0.1', '127.0.0.1'])"),
        row("49 gethostbyname_ex('127.1')", db -> db.gethostbynameEx("127.1"), "('127.1', [], ['127.0.0.1'])"),
        row("50 gethostbyname_ex('th')", db -> db.gethostbynameEx("th"), "('testhost.example.org', ['testhost', 'th'], ['127.0.1.1'])"),
        row("51 gethostbyname_ex('multi.example')", db -> db.gethostbynameEx("multi.example"),
            "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10', '192.0.2.11'])"),
        row("52 gethostbyname_ex('multi-alias2')", db -> db.gethostbynameEx("multi-alias2"),
            "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10'])"),
        row("53 gethostbyname_ex('dup.example')", db -> db.gethostbynameEx("dup.example"), "('dup.example', ['dup2'], ['10.0.0.1', '10.0.0.1'])"),
        row("54 gethostbyname_ex('')", db -> db.gethostbynameEx(""), "herror(1, 'Unknown host')"),
        row("55 gethostbyname_ex('nosuchhost.invalid')", db -> db.gethostbynameEx("nosuchhost.invalid"), "gaierror(-2, 'Name or service not known')"),
        row("56 gethostbyaddr('127.0.0.1')", db -> db.gethostbyaddr("127.0.0.1"), "('localhost', [], ['127.0.0.1'])"),
        row("57 gethostbyaddr('::1')", db -> db.gethostbyaddr("::1"), "('localhost', ['ip6-localhost', 'ip6-loopback'], ['::1'])"),
        row("58 gethostbyaddr('10.0.0.1')", db -> db.gethostbyaddr("10.0.0.1"), "('dup.example', [], ['10.0.0.1'])"),
        row("59 gethostbyaddr('192.0.2.99')", db -> db.gethostbyaddr("192.0.2.99"), "herror(1, 'Unknown host')"),
        row("60 gethostbyaddr('localhost')", db -> db.gethostbyaddr("localhost"), "('localhost', ['ip6-localhost', 'ip6-loopback'], ['::1'])"),
        row("61 gethostbyaddr('')", db -> db.gethostbyaddr(""), "OSError('wildcard resolved to multiple address')"),
        row("62 gethostbyaddr('::ffff:127.0.0.1')", db -> db.gethostbyaddr("::ffff:127.0.0.1"), "herror(1, 'Unknown host')"),
        row("63 getfqdn()", db -> db.getfqdn(), "'testhost.example.org'"),
        row("64 getfqdn('127.0.0.1')", db -> db.getfqdn("127.0.0.1"), "'localhost'"),
        row("65 getfqdn('nosuchhost.invalid')", db -> db.getfqdn("nosuchhost.invalid"), "'nosuchhost.invalid'"),
        row("66 getaddrinfo('localhost', 80)", db -> db.getaddrinfo("localhost", 80, 0, 0, 0, 0),
            "[6/S/6 ('::1', 80, 0, 0); 6/D/17 ('::1', 80, 0, 0); 6/R/0 ('::1', 80, 0, 0); 4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80)]"),
        row("67 getaddrinfo('localhost', 80, AF_INET)", db -> db.getaddrinfo("localhost", 80, AF_INET, 0, 0, 0),
            "[4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80); 4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80)]"),
        row("68 getaddrinfo('localhost', 'tftp', AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", "tftp", AF_INET, S, 0, 0),
            "gaierror(-8, 'Servname not supported for ai_socktype')"),
        row("69 getaddrinfo('127.0.0.1', 'amqp')", db -> db.getaddrinfo("127.0.0.1", "amqp", 0, 0, 0, 0),
            "[4/S/6 ('127.0.0.1', 5672); 4/S/132 ('127.0.0.1', 5672); 4/Q/132 ('127.0.0.1', 5672)]"),
        row("70 getaddrinfo('127.0.0.1', 80, 0, SOCK_RAW)", db -> db.getaddrinfo("127.0.0.1", 80, 0, R, 0, 0),
            "gaierror(-8, 'Servname not supported for ai_socktype')"),
        row("71 getaddrinfo(None, 80, flags=AI_PASSIVE)", db -> db.getaddrinfo(null, 80, 0, 0, 0, AI_PASSIVE),
            "[4/S/6 ('0.0.0.0', 80); 4/D/17 ('0.0.0.0', 80); 4/R/0 ('0.0.0.0', 80); 6/S/6 ('::', 80, 0, 0); 6/D/17 ('::', 80, 0, 0); 6/R/0 ('::', 80, 0, 0)]"),
        row("72 getaddrinfo(None, None)", db -> db.getaddrinfo(null, null, 0, 0, 0, 0), "gaierror(-2, 'Name or service not known')"),
        row("73 getaddrinfo('', 80)", db -> db.getaddrinfo("", 80, 0, 0, 0, 0), "gaierror(-2, 'Name or service not known')"),
        row("74 getaddrinfo('127.0.0.1', 80, AF_INET6)", db -> db.getaddrinfo("127.0.0.1", 80, AF_INET6, 0, 0, 0),
            "gaierror(-9, 'Address family for hostname not supported')"),
        row("75 getaddrinfo('::ffff:127.0.0.1', 80, AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("::ffff:127.0.0.1", 80, AF_INET, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 80)]"),
        row("76 getaddrinfo('127.0.0.1', 80, AF_UNIX)", db -> db.getaddrinfo("127.0.0.1", 80, AF_UNIX, 0, 0, 0), "gaierror(-6, 'ai_family not supported')"),
        row("77 getaddrinfo('127.0.0.1', 80, AF_INET6, SOCK_STREAM, 0, AI_V4MAPPED)",
            db -> db.getaddrinfo("127.0.0.1", 80, AF_INET6, S, 0, AI_V4MAPPED), "[6/S/6 ('::ffff:127.0.0.1', 80, 0, 0)]"),
        row("78 getaddrinfo('multi.example', 80, AF_INET6, SOCK_STREAM, 0, AI_V4MAPPED|AI_ALL)",
            db -> db.getaddrinfo("multi.example", 80, AF_INET6, S, 0, AI_V4MAPPED | AI_ALL),
            "[6/S/6 ('2001:db8::10', 80, 0, 0); 6/S/6 ('::ffff:192.0.2.10', 80, 0, 0); 6/S/6 ('::ffff:192.0.2.11', 80, 0, 0)]"),
        row("79 getaddrinfo('127.0.0.1', 'http', 0, SOCK_STREAM, 0, AI_NUMERICSERV)",
            db -> db.getaddrinfo("127.0.0.1", "http", 0, S, 0, AI_NUMERICSERV), "gaierror(-2, 'Name or service not known')"),
        row("80 getaddrinfo('127.1', 80, 0, SOCK_STREAM, 0, AI_NUMERICHOST)",
            db -> db.getaddrinfo("127.1", 80, 0, S, 0, AI_NUMERICHOST), "[4/S/6 ('127.0.0.1', 80)]"),
        row("81 getaddrinfo('127.0.0.1 ', 80, AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("127.0.0.1 ", 80, AF_INET, S, 0, 0),
            "gaierror(-2, 'Name or service not known')"),
        row("82 getaddrinfo('fe80::1%lo', 80, 0, SOCK_STREAM)", db -> db.getaddrinfo("fe80::1%lo", 80, 0, S, 0, 0),
            "[6/S/6 ('fe80::1', 80, 0, 1)]"),
        row("83 getaddrinfo('::1%lo', 80, 0, SOCK_STREAM)", db -> db.getaddrinfo("::1%lo", 80, 0, S, 0, 0),
            "gaierror(-2, 'Name or service not known')"),
        row("84 getaddrinfo('scoped.example', 80, 0, SOCK_STREAM)", db -> db.getaddrinfo("scoped.example", 80, 0, S, 0, 0),
            "gaierror(-2, 'Name or service not known')"),
        row("85 getaddrinfo('127.0.0.1', 80, 0, SOCK_DGRAM, IPPROTO_TCP)", db -> db.getaddrinfo("127.0.0.1", 80, 0, D, TCP, 0),
            "gaierror(-7, 'ai_socktype not supported')"),
        row("86 getaddrinfo('127.0.0.1', 80, flags=0x12345)", db -> db.getaddrinfo("127.0.0.1", 80, 0, 0, 0, 0x12345),
            "gaierror(-1, 'Bad value for ai_flags')"),
        row("87 getaddrinfo(None, 80, 0, SOCK_STREAM, 0, AI_CANONNAME)", db -> db.getaddrinfo(null, 80, 0, S, 0, AI_CANONNAME),
            "gaierror(-1, 'Bad value for ai_flags')"),
        row("88 getaddrinfo('th', 80, 0, 0, 0, AI_CANONNAME)", db -> db.getaddrinfo("th", 80, 0, 0, 0, AI_CANONNAME),
            "[4/S/6 canon='testhost.example.org' ('127.0.1.1', 80); 4/D/17 ('127.0.1.1', 80); 4/R/0 ('127.0.1.1', 80)]"),
        row("89 getaddrinfo('multi.example', 80, 0, SOCK_STREAM)", db -> db.getaddrinfo("multi.example", 80, 0, S, 0, 0),
            "[6/S/6 ('2001:db8::10', 80, 0, 0); 4/S/6 ('192.0.2.10', 80); 4/S/6 ('192.0.2.11', 80)]"),
        row("90 getaddrinfo('localhost', 65536, AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", 65536, AF_INET, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 0); 4/S/6 ('127.0.0.1', 0)]"),
        row("91 getaddrinfo('localhost', 70000, AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", 70000, AF_INET, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 4464); 4/S/6 ('127.0.0.1', 4464)]"),
        row("92 getaddrinfo('localhost', -1, AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", -1, AF_INET, S, 0, 0),
            "gaierror(-8, 'Servname not supported for ai_socktype')"),
        row("93 getaddrinfo('localhost', ' 80', AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", " 80", AF_INET, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 80); 4/S/6 ('127.0.0.1', 80)]"),
        row("94 getaddrinfo('localhost', '', AF_INET, SOCK_STREAM)", db -> db.getaddrinfo("localhost", "", AF_INET, S, 0, 0),
            "[4/S/6 ('127.0.0.1', 0); 4/S/6 ('127.0.0.1', 0)]"),
        row("96 getaddrinfo('a'*64+'.example', 80)", db -> db.getaddrinfo("a".repeat(64) + ".example", 80, 0, 0, 0, 0),
            "UnicodeError(\"encoding with 'idna' codec failed (UnicodeError: label empty or too long)\")"),
        row("97 getnameinfo(('127.0.0.1', 80), 0)", db -> db.getnameinfo("127.0.0.1", 80, 0), "('localhost', 'http')"),
        row("98 getnameinfo(('fe80::1', 80, 0, 1), NI_NUMERICHOST)", db -> db.getnameinfo("fe80::1", 80, 0, 1, NI_NUMERICHOST),
            "('fe80::1%lo', 'http')"),
        row("6c getaddrinfo('testhost', 'http')", db -> db.getaddrinfo("testhost", "http"), "[4/S/6 ('127.0.1.1', 80)]"),
        row("6c getaddrinfo('testhost', 'http', AF_INET, SOCK_STREAM, IPPROTO_TCP, AI_CANONNAME)",
            db -> db.getaddrinfo("testhost", "http", AF_INET, S, TCP, AI_CANONNAME),
            "[4/S/6 canon='testhost.example.org' ('127.0.1.1', 80)]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("section6a")
  void matchesReference(String id, Function<NetDb, Object> call, String expected) {
    assertThat(Fixture.outcome(() -> call.apply(DB))).isEqualTo(expected);
  }
}
