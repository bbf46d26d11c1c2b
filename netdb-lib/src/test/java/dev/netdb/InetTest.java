package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link Inet} against the reference cases of python-semantics.md §6a #1-28 and §6c, plus
 * more corners of glibc's parsers. Each row is named by its input; expected values were taken
 * from CPython 3.11 on glibc 2.36 ({@code /usr/bin/python3}).
 */
class InetTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Unescapes {@code \\t}-style and {@code \\uXXXX} escapes so that CSV rows can hold any text. */
  private static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i)) {
        b.append((char) Integer.parseInt(s, i + 2, i + 6, 16));
        i += 5;
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString().translateEscapes();
  }

  @ParameterizedTest(name = "inet_aton({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          127.1                    | 7f000001
          0x7f.1                   | 7f000001
          4294967295               | ffffffff
          '127.0.0.1 junk'         | 7f000001
          192.168.1.1              | c0a80101
          127.0.0.1                | 7f000001
          0                        | 00000000
          1.2.3                    | 01020003
          1.2.65535                | 0102ffff
          1.16777215               | 01ffffff
          0xFf.0XfF.0377.255       | ffffffff
          037777777777             | ffffffff
          00000000000000000000001  | 00000001
          0x00000000000000000ff.1  | ff000001
          1.2.3.4\\t               | 01020304
          1.2.3.4\\u000b\\u00e9    | 01020304
          '1.2.3.4\\n\\ud83d\\ude00' | 01020304
          """)
  void atonAccepts(String input, String packed) {
    String s = text(input);
    assertThat(HEX.formatHex(Inet.aton(s))).isEqualTo(packed);
    assertThat(HEX.formatHex(Inet.tryAton(s))).isEqualTo(packed);
  }

  @ParameterizedTest(name = "inet_aton({0}) fails: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          08.0.0.1                | octal part with an 8
          4294967296              | more than 32 bits
          1.2.65536               | last of three parts over 16 bits
          1.16777216              | last of two parts over 24 bits
          256.1                   | dotted part over 8 bits
          ' 127.0.0.1'            | leading space: first char must be a digit
          127.0.0.1x              | trailing junk that is not white space
          0x                      | 0x without a hex digit
          0x.1                    | 0x without a hex digit before a dot
          1.2.3.4.5               | five parts
          1..2                    | empty part
          1.2.3.                  | trailing dot
          ''                      | empty
          +1                      | sign
          1.2.3.4\\u00a0          | non-ASCII space is not isspace
          1.2.3.4\\u001c          | FS is not isspace in glibc's C locale table
          \\u0661.2.3.4           | Arabic-Indic digit
          1.2.3.\\uff14           | full-width digit
          18446744073709551616    | over 64 bits (strtoul ERANGE)
          """)
  void atonRejects(String input, String reason) {
    String s = text(input);
    assertThatThrownBy(() -> Inet.aton(s))
        .as(reason)
        .isInstanceOfSatisfying(
            SystemException.class,
            e -> {
              assertThat(e.pythonMessage()).isEqualTo("illegal IP address string passed to inet_aton");
              assertThat(e.code()).isEmpty();
              assertThat(e.input()).isEqualTo(s);
            });
    assertThat(Inet.tryAton(s)).isNull();
  }

  @ParameterizedTest(name = "str conversion of {0}: {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          1\\u0000                | ValueError   | embedded null character
          1.2.3.4 \\u0000         | ValueError   | embedded null character
          1.2.3.4 \\udc80         | UnicodeError | 'utf-8' codec can't encode character '\\udc80' in position 8: surrogates not allowed
          \\udc80\\udc81x          | UnicodeError | 'utf-8' codec can't encode characters in position 0-1: surrogates not allowed
          \\u0000\\udc80           | UnicodeError | 'utf-8' codec can't encode character '\\udc80' in position 1: surrogates not allowed
          \\ud83d\\ude00\\udc80     | UnicodeError | 'utf-8' codec can't encode character '\\udc80' in position 1: surrogates not allowed
          """)
  void stringConversionErrorsComeFirst(String input, String kind, String message) {
    String s = text(input);
    for (Runnable call :
        new Runnable[] {
          () -> Inet.aton(s), () -> Inet.pton(AddressFamily.INET6, s), () -> Inet.pton(1, s)
        }) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              NetDbException.class,
              e -> {
                assertThat(e.kind().pythonName()).isEqualTo(kind);
                assertThat(e.pythonMessage()).isEqualTo(message);
              });
    }
  }

  @Test
  void ntoaFormatsFourBytes() {
    assertThat(Inet.ntoa(HEX.parseHex("c0a80101"))).isEqualTo("192.168.1.1");
    assertThat(Inet.ntoa(HEX.parseHex("00ff0a80"))).isEqualTo("0.255.10.128");
    assertThat(Inet.tryNtoa(new byte[5])).isNull();
  }

  @ParameterizedTest(name = "inet_ntoa of {0} bytes fails")
  @CsvSource({"0", "3", "5", "16"})
  void ntoaRejectsOtherLengths(int length) {
    assertThatThrownBy(() -> Inet.ntoa(new byte[length]))
        .isInstanceOfSatisfying(
            SystemException.class,
            e -> assertThat(e.pythonMessage()).isEqualTo("packed IP wrong length for inet_ntoa"));
  }

  @ParameterizedTest(name = "inet_pton({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          INET  | 127.0.0.1                                | 7f000001
          INET  | 0.0.0.0                                  | 00000000
          INET  | 255.255.255.255                          | ffffffff
          INET6 | ::1.2.3.4                                | 00000000000000000000000001020304
          INET6 | 1:2:3:4:5:6:7::                          | 00010002000300040005000600070000
          INET6 | ::1:2:3:4:5:6:7                          | 00000001000200030004000500060007
          INET6 | ::                                       | 00000000000000000000000000000000
          INET6 | ::ffff:1.2.3.4                           | 00000000000000000000ffff01020304
          INET6 | 1:2:3:4:5:6:1.2.3.4                      | 00010002000300040005000601020304
          INET6 | FFFF::ABCD                               | ffff000000000000000000000000abcd
          INET6 | 2002:ac10:10a:1234:21e:52ff:fe74:40e     | 2002ac10010a1234021e52fffe74040e
          INET6 | 0000:0:0:0:0:0:0:1                       | 00000000000000000000000000000001
          """)
  void ptonAccepts(AddressFamily family, String input, String packed) {
    assertThat(HEX.formatHex(Inet.pton(family, input))).isEqualTo(packed);
    assertThat(Inet.isAddress(family, input)).isTrue();
    // Round trip: ntop gives text that pton reads back to the same bytes.
    assertThat(HEX.formatHex(Inet.pton(family, Inet.ntop(family, HEX.parseHex(packed)))))
        .isEqualTo(packed);
  }

  @ParameterizedTest(name = "inet_pton({0}, {1}) fails: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          INET  | 127.1                  | BSD short form
          INET  | 01.2.3.4               | leading zero
          INET  | 1.2.3.4.               | trailing dot
          INET  | 1.2.3.256              | octet over 255
          INET  | ' 1.2.3.4'             | white space
          INET  | 0x7f.0.0.1             | hex
          INET  | ''                     | empty
          INET6 | 1:2:3:4::5:6:7:8       | :: standing for no group
          INET6 | 00000::1               | five hex digits
          INET6 | fe80::1%lo             | scope
          INET6 | 1:2:3:4:5:6:7:8:9      | nine groups
          INET6 | :::                    | triple colon
          INET6 | 1::2::3                | two ::
          INET6 | :1::                   | lone leading colon
          INET6 | 1:                     | lone trailing colon
          INET6 | 1:2:3:4:5:6:7:1.2.3.4  | dotted tail past 128 bits
          INET6 | ::1.2.3                | short dotted tail
          INET6 | ::1.2.3.4:1            | dotted part not last
          INET6 | ::ffff:1.2.3.04        | leading zero in dotted tail
          INET6 | 1.2.3.4                | IPv4 alone
          INET6 | [::1]                  | brackets
          INET6 | ::\\u0661               | non-ASCII digit
          INET6 | ''                     | empty
          """)
  void ptonRejects(AddressFamily family, String input, String reason) {
    String s = text(input);
    assertThatThrownBy(() -> Inet.pton(family, s))
        .as(reason)
        .isInstanceOfSatisfying(
            SystemException.class,
            e -> {
              assertThat(e.pythonMessage()).isEqualTo("illegal IP address string passed to inet_pton");
              assertThat(e.code()).isEmpty();
            });
    assertThat(Inet.tryPton(family, s)).isNull();
  }

  @ParameterizedTest(name = "inet_pton({0}, ...) is EAFNOSUPPORT")
  @CsvSource({"0", "1", "3", "-1", "2147483647"})
  void ptonRejectsOtherFamilies(int family) {
    assertThatThrownBy(() -> Inet.pton(family, "x"))
        .isInstanceOfSatisfying(
            SystemException.class,
            e -> {
              assertThat(e.code()).hasValue(97);
              assertThat(e.pythonMessage()).isEqualTo("Address family not supported by protocol");
              assertThat(e.pythonStr())
                  .isEqualTo("[Errno 97] Address family not supported by protocol");
            });
    assertThatThrownBy(() -> Inet.pton(AddressFamily.UNIX, "x"))
        .isInstanceOf(SystemException.class);
  }

  @ParameterizedTest(name = "inet_ntop(AF_INET6, {0}) = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          00000000000000000000ffff01020304 | ::ffff:1.2.3.4
          00000000000000000000000001020304 | ::1.2.3.4
          00000000000000000000000000000002 | ::2
          00000000000000000000000000010000 | ::0.1.0.0
          00010000000000010000000000000001 | 1:0:0:1::1
          00010000000000020000000000030004 | 1::2:0:0:3:4
          00010000000200030004000500060007 | 1:0:2:3:4:5:6:7
          00000000000000000000000000000000 | ::
          00000000000000000000ffff00000000 | ::ffff:0.0.0.0
          0000000000000000ffff000001020304 | ::ffff:0:102:304
          00000000000000000001ffff01020304 | ::1:ffff:102:304
          00010000000000000000000000000000 | 1::
          2002ac10010a1234021e52fffe74040e | 2002:ac10:10a:1234:21e:52ff:fe74:40e
          ffffffffffffffffffffffffffffffff | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
          00010000000200000003000000040000 | 1:0:2:0:3:0:4:0
          """)
  void ntopFormatsIpv6(String packed, String expected) {
    byte[] bytes = HEX.parseHex(packed);
    assertThat(Inet.ntop(AddressFamily.INET6, bytes)).isEqualTo(expected);
    assertThat(Inet.tryNtop(AddressFamily.INET6, bytes)).isEqualTo(expected);
    assertThat(Inet.pton(AddressFamily.INET6, expected)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "inet_ntop({0}, {1} bytes) fails: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2  | 3  | invalid length of packed IP address string
          2  | 16 | invalid length of packed IP address string
          10 | 4  | invalid length of packed IP address string
          10 | 0  | invalid length of packed IP address string
          1  | 4  | unknown address family 1
          0  | 16 | unknown address family 0
          -7 | 4  | unknown address family -7
          """)
  void ntopRejects(int family, int length, String message) {
    assertThatThrownBy(() -> Inet.ntop(family, new byte[length]))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.pythonMessage()).isEqualTo(message);
              assertThat(e.code()).isEmpty();
            });
  }

  @Test
  void ntopFormatsIpv4() {
    assertThat(Inet.ntop(AddressFamily.INET, HEX.parseHex("7f000001"))).isEqualTo("127.0.0.1");
    assertThat(Inet.ntop(2, HEX.parseHex("ff0a6400"))).isEqualTo("255.10.100.0");
  }

  @Test
  void errorMessagesNameTheInput() {
    assertThatThrownBy(() -> Inet.aton("1.2.3.4x"))
        .hasMessage("illegal IP address string passed to inet_aton (1.2.3.4x)");
    assertThatThrownBy(() -> Inet.ntoa(new byte[] {1, 2, 3}))
        .hasMessage("packed IP wrong length for inet_ntoa (010203)");
  }
}
