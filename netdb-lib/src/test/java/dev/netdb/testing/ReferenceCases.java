package dev.netdb.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives the differential cases of {@code python-semantics.md} §6a and §6b as data: each a Python
 * expression (evaluated after {@code from socket import *}), the output the document records
 * (CPython 3.11.7, glibc 2.36, the fixture hosts file, the "dual" network, {@code hosts: files}),
 * and the output expected in the default {@link OracleNamespace} (loopback only, {@code hosts:
 * files dns}). Outputs use the document's notation ({@code reference_eval.py} prints it):
 * {@code repr()} of the value, {@code Type(args)} for an exception, and getaddrinfo lists as
 * {@code [F/T/P canon='..' sockaddr; ...]}. {@link PythonReferenceTest} checks Python against
 * it; the back ends and examples can be checked against the same rows.
 */
public final class ReferenceCases {
  private ReferenceCases() {}

  /** Says what a row's result depends on besides Python, glibc and the fixture files. */
  public enum Setup {
    /** Only Python, glibc and the fixture files. */
    FILES,
    /** The lookup misses the hosts file and reaches the namespace's NSD. */
    DNS,
    /** AI_ADDRCONFIG or address sorting: asserted against the lo-only network column. */
    NETWORK
  }

  /**
   * One reference case: its id (§6a number or §6b label), expression, the output the reference
   * document records, and the output expected in the namespace (the same, except where a
   * comment at the row explains why not).
   */
  public record Case(String id, String expression, String reference, String expected, Setup setup) {
    @Override
    public String toString() {
      return id + " " + expression;
    }
  }

  /** Returns §6a then §6b. */
  public static List<Case> all() {
    List<Case> all = new ArrayList<>(MAIN);
    all.addAll(LO_ONLY);
    return all;
  }

  private static Case row(int number, String expression, String expected) {
    return new Case("#" + number, expression, expected, expected, Setup.FILES);
  }

  private static Case row(int number, Setup setup, String expression, String expected) {
    return new Case("#" + number, expression, expected, expected, setup);
  }

  private static Case differs(int number, String expression, String reference, String here) {
    return new Case("#" + number, expression, reference, here, Setup.DNS);
  }

  private static Case network(String label, String expression, String dual, String loOnly) {
    return new Case("6b " + label, expression, dual, loOnly, Setup.NETWORK);
  }

  /** Gives §6a, verbatim (only {@code \|} unescaped). */
  public static final List<Case> MAIN = List.of(
      row(1, "inet_aton('127.1')",
          "b'\\x7f\\x00\\x00\\x01'"),
      row(2, "inet_aton('0x7f.1')",
          "b'\\x7f\\x00\\x00\\x01'"),
      row(3, "inet_aton('08.0.0.1')",
          "OSError('illegal IP address string passed to inet_aton')"),
      row(4, "inet_aton('4294967295')",
          "b'\\xff\\xff\\xff\\xff'"),
      row(5, "inet_aton('4294967296')",
          "OSError('illegal IP address string passed to inet_aton')"),
      row(6, "inet_aton('1.2.65536')",
          "OSError('illegal IP address string passed to inet_aton')"),
      row(7, "inet_aton(' 127.0.0.1')",
          "OSError('illegal IP address string passed to inet_aton')"),
      row(8, "inet_aton('127.0.0.1 junk')",
          "b'\\x7f\\x00\\x00\\x01'"),
      row(9, "inet_aton('127.0.0.1x')",
          "OSError('illegal IP address string passed to inet_aton')"),
      row(10, "inet_aton(b'127.0.0.1')",
          "TypeError('inet_aton() argument 1 must be str, not bytes')"),
      row(11, "inet_ntoa(b'\\x01\\x02\\x03')",
          "OSError('packed IP wrong length for inet_ntoa')"),
      row(12, "inet_pton(AF_INET, '127.1')",
          "OSError('illegal IP address string passed to inet_pton')"),
      row(13, "inet_pton(AF_INET, '01.2.3.4')",
          "OSError('illegal IP address string passed to inet_pton')"),
      row(14, "inet_pton(AF_INET6, '::1.2.3.4')",
          "b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\\x02\\x03\\x04'"),
      row(15, "inet_pton(AF_INET6, '1:2:3:4:5:6:7::')",
          "b'\\x00\\x01\\x00\\x02\\x00\\x03\\x00\\x04\\x00\\x05\\x00\\x06\\x00\\x07\\x00\\x00'"),
      row(16, "inet_pton(AF_INET6, '1:2:3:4::5:6:7:8')",
          "OSError('illegal IP address string passed to inet_pton')"),
      row(17, "inet_pton(AF_INET6, '00000::1')",
          "OSError('illegal IP address string passed to inet_pton')"),
      row(18, "inet_pton(AF_INET6, 'fe80::1%lo')",
          "OSError('illegal IP address string passed to inet_pton')"),
      row(19, "inet_pton(AF_UNIX, 'x')",
          "OSError(97, 'Address family not supported by protocol')"),
      row(20, "inet_ntop(AF_INET, b'\\x7f\\x00\\x00')",
          "ValueError('invalid length of packed IP address string')"),
      row(21, "inet_ntop(AF_INET6, bytes(10)+b'\\xff\\xff\\x01\\x02\\x03\\x04')",
          "'::ffff:1.2.3.4'"),
      row(22, "inet_ntop(AF_INET6, bytes(12)+b'\\x01\\x02\\x03\\x04')",
          "'::1.2.3.4'"),
      row(23, "inet_ntop(AF_INET6, bytes(12)+b'\\x00\\x00\\x00\\x02')",
          "'::2'"),
      row(24, "inet_ntop(AF_INET6, bytes(12)+b'\\x00\\x01\\x00\\x00')",
          "'::0.1.0.0'"),
      row(25, "inet_ntop(AF_INET6, inet_pton(AF_INET6, '1:0:0:1:0:0:0:1'))",
          "'1:0:0:1::1'"),
      row(26, "inet_ntop(AF_INET6, inet_pton(AF_INET6, '1:0:0:2:0:0:3:4'))",
          "'1::2:0:0:3:4'"),
      row(27, "inet_ntop(AF_INET6, inet_pton(AF_INET6, '1:0:2:3:4:5:6:7'))",
          "'1:0:2:3:4:5:6:7'"),
      row(28, "inet_ntop(AF_UNIX, b'1234')",
          "ValueError('unknown address family 1')"),
      row(29, "getservbyname('http', 'udp')",
          "OSError('service/proto not found')"),
      row(30, "getservbyname('www')",
          "80"),
      row(31, "getservbyname('HTTP')",
          "OSError('service/proto not found')"),
      row(32, "getservbyport(80, 'udp')",
          "OSError('port/proto not found')"),
      row(33, "getservbyport(143)",
          "'imap2'"),
      row(34, "getservbyport(65536)",
          "OverflowError('getservbyport: port must be 0-65535.')"),
      row(35, "getprotobyname('TCP')",
          "6"),
      row(36, "getprotobyname('Tcp')",
          "OSError('protocol not found')"),
      row(37, "gethostbyname('127.1')",
          "'127.0.0.1'"),
      row(38, "gethostbyname('')",
          "'0.0.0.0'"),
      row(39, "gethostbyname('<broadcast>')",
          "'255.255.255.255'"),
      row(40, "gethostbyname('::1')",
          "gaierror(-9, 'Address family for hostname not supported')"),
      row(41, "gethostbyname('TestHost.Example.ORG')",
          "'127.0.1.1'"),
      row(42, Setup.DNS, "gethostbyname('multi6')",
          "gaierror(-2, 'Name or service not known')"),
      row(43, Setup.DNS, "gethostbyname('localhost.')",
          "gaierror(-2, 'Name or service not known')"),
      row(44, Setup.DNS, "gethostbyname('hexaddr.example')",
          "gaierror(-2, 'Name or service not known')"),
      row(45, "gethostbyname('b\u00fccher.example')",
          "'192.0.2.20'"),
      row(46, "gethostbyname('stra\u00dfe.example')",
          "'192.0.2.22'"),
      row(47, "gethostbyname('example.'+'a'*64)",
          "UnicodeError(\"encoding with 'idna' codec failed (UnicodeError: label too long)\")"),
      row(48, "gethostbyname_ex('localhost')",
          "('localhost', ['ip6-localhost', 'ip6-loopback'], ['127.0.0.1', '127.0.0.1'])"),
      row(49, "gethostbyname_ex('127.1')",
          "('127.1', [], ['127.0.0.1'])"),
      row(50, "gethostbyname_ex('th')",
          "('testhost.example.org', ['testhost', 'th'], ['127.0.1.1'])"),
      row(51, "gethostbyname_ex('multi.example')",
          "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10', '192.0.2.11'])"),
      row(52, "gethostbyname_ex('multi-alias2')",
          "('multi.example', ['multi-alias1', 'multi-alias2'], ['192.0.2.10'])"),
      row(53, "gethostbyname_ex('dup.example')",
          "('dup.example', ['dup2'], ['10.0.0.1', '10.0.0.1'])"),
      // With "hosts: files dns", nss_dns answers NO_RECOVERY for an empty name without sending
      // any query (same result with no server at all); the reference had "hosts: files".
      differs(54, "gethostbyname_ex('')",
          "herror(1, 'Unknown host')", "herror(3, 'Unknown server error')"),
      row(55, Setup.DNS, "gethostbyname_ex('nosuchhost.invalid')",
          "gaierror(-2, 'Name or service not known')"),
      row(56, "gethostbyaddr('127.0.0.1')",
          "('localhost', [], ['127.0.0.1'])"),
      row(57, "gethostbyaddr('::1')",
          "('localhost', ['ip6-localhost', 'ip6-loopback'], ['::1'])"),
      row(58, "gethostbyaddr('10.0.0.1')",
          "('dup.example', [], ['10.0.0.1'])"),
      row(59, Setup.DNS, "gethostbyaddr('192.0.2.99')",
          "herror(1, 'Unknown host')"),
      row(60, "gethostbyaddr('localhost')",
          "('localhost', ['ip6-localhost', 'ip6-loopback'], ['::1'])"),
      row(61, "gethostbyaddr('')",
          "OSError('wildcard resolved to multiple address')"),
      row(62, Setup.DNS, "gethostbyaddr('::ffff:127.0.0.1')",
          "herror(1, 'Unknown host')"),
      row(63, "getfqdn()",
          "'testhost.example.org'"),
      row(64, "getfqdn('127.0.0.1')",
          "'localhost'"),
      row(65, Setup.DNS, "getfqdn('nosuchhost.invalid')",
          "'nosuchhost.invalid'"),
      row(66, Setup.NETWORK, "getaddrinfo('localhost', 80)",
          "[6/S/6 ('::1', 80, 0, 0); 6/D/17 ('::1', 80, 0, 0); 6/R/0 ('::1', 80, 0, 0); 4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80)]"),
      row(67, "getaddrinfo('localhost', 80, AF_INET)",
          "[4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80); 4/S/6 ('127.0.0.1', 80); 4/D/17 ('127.0.0.1', 80); 4/R/0 ('127.0.0.1', 80)]"),
      row(68, "getaddrinfo('localhost', 'tftp', AF_INET, SOCK_STREAM)",
          "gaierror(-8, 'Servname not supported for ai_socktype')"),
      row(69, "getaddrinfo('127.0.0.1', 'amqp')",
          "[4/S/6 ('127.0.0.1', 5672); 4/S/132 ('127.0.0.1', 5672); 4/Q/132 ('127.0.0.1', 5672)]"),
      row(70, "getaddrinfo('127.0.0.1', 80, 0, SOCK_RAW)",
          "gaierror(-8, 'Servname not supported for ai_socktype')"),
      row(71, Setup.NETWORK, "getaddrinfo(None, 80, flags=AI_PASSIVE)",
          "[4/S/6 ('0.0.0.0', 80); 4/D/17 ('0.0.0.0', 80); 4/R/0 ('0.0.0.0', 80); 6/S/6 ('::', 80, 0, 0); 6/D/17 ('::', 80, 0, 0); 6/R/0 ('::', 80, 0, 0)]"),
      row(72, "getaddrinfo(None, None)",
          "gaierror(-2, 'Name or service not known')"),
      row(73, "getaddrinfo('', 80)",
          "gaierror(-2, 'Name or service not known')"),
      row(74, "getaddrinfo('127.0.0.1', 80, AF_INET6)",
          "gaierror(-9, 'Address family for hostname not supported')"),
      row(75, "getaddrinfo('::ffff:127.0.0.1', 80, AF_INET, SOCK_STREAM)",
          "[4/S/6 ('127.0.0.1', 80)]"),
      row(76, "getaddrinfo('127.0.0.1', 80, AF_UNIX)",
          "gaierror(-6, 'ai_family not supported')"),
      row(77, "getaddrinfo('127.0.0.1', 80, AF_INET6, SOCK_STREAM, 0, AI_V4MAPPED)",
          "[6/S/6 ('::ffff:127.0.0.1', 80, 0, 0)]"),
      row(78, Setup.NETWORK, "getaddrinfo('multi.example', 80, AF_INET6, SOCK_STREAM, 0, AI_V4MAPPED|AI_ALL)",
          "[6/S/6 ('2001:db8::10', 80, 0, 0); 6/S/6 ('::ffff:192.0.2.10', 80, 0, 0); 6/S/6 ('::ffff:192.0.2.11', 80, 0, 0)]"),
      row(79, "getaddrinfo('127.0.0.1', 'http', 0, SOCK_STREAM, 0, AI_NUMERICSERV)",
          "gaierror(-2, 'Name or service not known')"),
      row(80, "getaddrinfo('127.1', 80, 0, SOCK_STREAM, 0, AI_NUMERICHOST)",
          "[4/S/6 ('127.0.0.1', 80)]"),
      row(81, "getaddrinfo('127.0.0.1 ', 80, AF_INET, SOCK_STREAM)",
          "gaierror(-2, 'Name or service not known')"),
      row(82, Setup.NETWORK, "getaddrinfo('fe80::1%lo', 80, 0, SOCK_STREAM)",
          "[6/S/6 ('fe80::1', 80, 0, 1)]"),
      row(83, "getaddrinfo('::1%lo', 80, 0, SOCK_STREAM)",
          "gaierror(-2, 'Name or service not known')"),
      row(84, Setup.DNS, "getaddrinfo('scoped.example', 80, 0, SOCK_STREAM)",
          "gaierror(-2, 'Name or service not known')"),
      row(85, "getaddrinfo('127.0.0.1', 80, 0, SOCK_DGRAM, IPPROTO_TCP)",
          "gaierror(-7, 'ai_socktype not supported')"),
      row(86, "getaddrinfo('127.0.0.1', 80, flags=0x12345)",
          "gaierror(-1, 'Bad value for ai_flags')"),
      row(87, "getaddrinfo(None, 80, 0, SOCK_STREAM, 0, AI_CANONNAME)",
          "gaierror(-1, 'Bad value for ai_flags')"),
      row(88, "getaddrinfo('th', 80, 0, 0, 0, AI_CANONNAME)",
          "[4/S/6 canon='testhost.example.org' ('127.0.1.1', 80); 4/D/17 ('127.0.1.1', 80); 4/R/0 ('127.0.1.1', 80)]"),
      row(89, Setup.NETWORK, "getaddrinfo('multi.example', 80, 0, SOCK_STREAM)",
          "[6/S/6 ('2001:db8::10', 80, 0, 0); 4/S/6 ('192.0.2.10', 80); 4/S/6 ('192.0.2.11', 80)]"),
      row(90, "getaddrinfo('localhost', 65536, AF_INET, SOCK_STREAM)",
          "[4/S/6 ('127.0.0.1', 0); 4/S/6 ('127.0.0.1', 0)]"),
      row(91, "getaddrinfo('localhost', 70000, AF_INET, SOCK_STREAM)",
          "[4/S/6 ('127.0.0.1', 4464); 4/S/6 ('127.0.0.1', 4464)]"),
      row(92, "getaddrinfo('localhost', -1, AF_INET, SOCK_STREAM)",
          "gaierror(-8, 'Servname not supported for ai_socktype')"),
      row(93, "getaddrinfo('localhost', ' 80', AF_INET, SOCK_STREAM)",
          "[4/S/6 ('127.0.0.1', 80); 4/S/6 ('127.0.0.1', 80)]"),
      row(94, "getaddrinfo('localhost', '', AF_INET, SOCK_STREAM)",
          "[4/S/6 ('127.0.0.1', 0); 4/S/6 ('127.0.0.1', 0)]"),
      row(95, "getaddrinfo('localhost', True, AF_INET, SOCK_STREAM)",
          "OSError('Int or String expected')"),
      row(96, "getaddrinfo('a'*64+'.example', 80)",
          "UnicodeError(\"encoding with 'idna' codec failed (UnicodeError: label empty or too long)\")"),
      row(97, "getnameinfo(('127.0.0.1', 80), 0)",
          "('localhost', 'http')"),
      row(98, Setup.NETWORK, "getnameinfo(('fe80::1', 80, 0, 1), NI_NUMERICHOST)",
          "('fe80::1%lo', 'http')"));

  /**
   * Gives §6b's rows, expanded to the §6a notation: the reference column is "dual", the expected
   * column "lo only" (the namespace's default network).
   */
  public static final List<Case> LO_ONLY = List.of(
      network("localhost ADDRCONFIG", "getaddrinfo('localhost',80,0,SOCK_STREAM,0,AI_ADDRCONFIG)",
          "[6/S/6 ('::1', 80, 0, 0); 4/S/6 ('127.0.0.1', 80)]",
          "[6/S/6 ('::1', 80, 0, 0); 4/S/6 ('127.0.0.1', 80)]"),
      network("localhost AF_INET6 ADDRCONFIG",
          "getaddrinfo('localhost',80,AF_INET6,SOCK_STREAM,0,AI_ADDRCONFIG)",
          "[6/S/6 ('::1', 80, 0, 0)]",
          "gaierror(-2, 'Name or service not known')"),
      network("localhost AF_INET ADDRCONFIG",
          "getaddrinfo('localhost',80,AF_INET,SOCK_STREAM,0,AI_ADDRCONFIG)",
          "[4/S/6 ('127.0.0.1', 80); 4/S/6 ('127.0.0.1', 80)]",
          "gaierror(-2, 'Name or service not known')"),
      network("::1 ADDRCONFIG", "getaddrinfo('::1',80,0,SOCK_STREAM,0,AI_ADDRCONFIG)",
          "[6/S/6 ('::1', 80, 0, 0)]",
          "[6/S/6 ('::1', 80, 0, 0)]"),
      network("127.0.0.1 ADDRCONFIG",
          "getaddrinfo('127.0.0.1',80,0,SOCK_STREAM,0,AI_ADDRCONFIG)",
          "[4/S/6 ('127.0.0.1', 80)]",
          "[4/S/6 ('127.0.0.1', 80)]"),
      network("None PASSIVE|ADDRCONFIG",
          "getaddrinfo(None,80,0,SOCK_STREAM,0,AI_PASSIVE|AI_ADDRCONFIG)",
          "[4/S/6 ('0.0.0.0', 80); 6/S/6 ('::', 80, 0, 0)]",
          "[4/S/6 ('0.0.0.0', 80); 6/S/6 ('::', 80, 0, 0)]"),
      network("multi.example", "getaddrinfo('multi.example',80,0,SOCK_STREAM)",
          "[6/S/6 ('2001:db8::10', 80, 0, 0); 4/S/6 ('192.0.2.10', 80); 4/S/6 ('192.0.2.11', 80)]",
          "[6/S/6 ('2001:db8::10', 80, 0, 0); 4/S/6 ('192.0.2.10', 80); 4/S/6 ('192.0.2.11', 80)]"));
}
