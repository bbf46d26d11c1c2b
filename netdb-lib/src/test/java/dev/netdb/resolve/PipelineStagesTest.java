package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdb.PythonLayers;
import dev.netdb.dns.LookupFailure;
import dev.netdb.GaiException;
import dev.netdb.resolve.Getaddrinfo.Request;
import dev.netdb.text.IpLiterals;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks, AI_ADDRCONFIG and numeric-host stages on their own. */
class PipelineStagesTest {
  private static int code(Runnable r) {
    LookupFailure e = catchThrowableOfType(LookupFailure.class, r::run);
    return e == null ? 0 : e.code();
  }

  @ParameterizedTest(name = "host={0} service={1} family={2} flags={3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // Both absent (after "*" folding) comes first.
        "*    | *    | 1  | 0x12345 | -2",
        "null | null | 0  | 0       | -2",
        // Bad flags before bad family; CANONNAME without a host before bad family.
        "h    | 80   | 1  | 0x800   | -1",
        "null | 80   | 1  | 2       | -1",
        "h    | 80   | 1  | 0       | -6",
        "h    | 80   | 99 | 0       | -6",
        // Every flag glibc knows is accepted, the IDN ones included.
        "h    | 80   | 0  | 0x7ff   | 0",
      })
  void checksInGlibcOrder(String host, String service, int family, String flags, int expected) {
    Request r = new Request(host, service, family, 0, 0, Integer.decode(flags));
    assertThat(code(() -> Getaddrinfo.check(Getaddrinfo.normalize(r)))).isEqualTo(expected);
  }

  @Test
  void starMeansNoHostAndStringsEndAtNul() {
    Request r = Getaddrinfo.normalize(new Request("*", "80\0junk", 0, 0, 0, 0));
    assertThat(r.host()).isNull();
    assertThat(r.service()).isEqualTo("80");
  }

  @ParameterizedTest(name = "{0}: family {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DUAL    | 0  | 0",
        "DUAL    | 10 | 10",
        "LO_ONLY | 0  | 0",
        "LO_ONLY | 2  | -2",
        "LO_ONLY | 10 | -2",
        "V4_ONLY | 0  | 2",
        "V4_ONLY | 10 | -2",
        "V6_ONLY | 0  | 10",
        "V6_ONLY | 2  | -2",
      })
  void addrconfigNarrowsOrRejects(Fixture.Network net, int family, int expected) {
    Request r = new Request("h", null, family, 0, 0, 0x20);
    int[] got = {0};
    int err = code(() -> got[0] = Getaddrinfo.addrconfig(r, net.addresses).family());
    assertThat(err != 0 ? err : got[0]).isEqualTo(expected);
  }

  @Test
  void addrconfigCountsLinkLocalAndOtherLoopbackAddresses() {
    List<LocalAddress> onlyLinkLocal =
        List.of(LocalAddress.of("127.0.0.1", 8, 1), LocalAddress.of("fe80::1", 64, 2));
    assertThat(Getaddrinfo.addrconfig(new Request("h", null, 0, 0, 0, 0x20), onlyLinkLocal).family())
        .isEqualTo(10);
    List<LocalAddress> otherLoopback = List.of(LocalAddress.of("127.0.0.2", 8, 1));
    assertThat(Getaddrinfo.addrconfig(new Request("h", null, 0, 0, 0, 0x20), otherLoopback).family())
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} family {1} flags {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.1               | 0  | 0 | 127.0.0.1",
        "0x7f.1              | 0  | 0 | 127.0.0.1",
        "4294967295          | 0  | 0 | 255.255.255.255",
        "127.0.0.1           | 10 | 8 | ::ffff:127.0.0.1",
        "127.0.0.1           | 10 | 0 | EAI -9",
        "::ffff:10.1.2.3     | 2  | 0 | 10.1.2.3",
        "::1                 | 2  | 0 | EAI -9",
        "fe80::1%lo          | 0  | 0 | fe80::1 scope 1",
        "fe80::1%7           | 0  | 0 | fe80::1 scope 7",
        "::1%1               | 0  | 0 | ::1 scope 1",
        "fe80::1%01          | 0  | 0 | fe80::1 scope 1",
        "ff02::1%lo          | 0  | 0 | ff02::1 scope 1",
        "ff05::1%lo          | 0  | 0 | EAI -2",
        "::1%lo              | 0  | 0 | EAI -2",
        "fe80::1%4294967295  | 0  | 0 | fe80::1 scope -1",
        "fe80::1%4294967296  | 0  | 0 | EAI -2",
        "fe80::1%            | 0  | 0 | EAI -2",
        "'127.0.0.1 '        | 0  | 0 | not numeric",
        "1.2.3.4.5           | 0  | 0 | not numeric",
        "localhost           | 0  | 0 | not numeric",
      })
  void parsesNumericHostsAsTextToBinaryAddress(String host, int family, int flags, String expected) {
    Environment env = Fixture.environment(Fixture.Network.DUAL, "", "", NssDns.none());
    String got;
    try {
      NameStage.Addresses a = NameStage.numeric(host, family, flags, env);
      if (a == null) {
        got = "not numeric";
      } else {
        NameStage.Addr x = a.addrs().getFirst();
        got = IpLiterals.ntop(x.bytes()) + (x.scopeId() != 0 ? " scope " + x.scopeId() : "");
        assertThat(a.canonicalName()).isEqualTo(host);
      }
    } catch (LookupFailure x) {
      var e = (dev.netdb.GaiException) PythonLayers.toPublic(x);
      got = "EAI " + e.code().getAsInt();
    }
    assertThat(got).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} family {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.1       | 2  | ('127.1', [], ['127.0.0.1'])",
        "1.2.3.4.5   | 2  | herror 1",
        "127.0.0.1.  | 2  | not numeric",
        "1.2.3.4     | 10 | herror 1",
        "::1         | 2  | herror 1",
        "::1         | 10 | ('::1', [], ['::1'])",
        "a:b         | 2  | herror 1",
        "fe80::1%lo  | 10 | not numeric",
        "dead::beef  | 10 | ('dead::beef', [], ['dead::beef'])",
        "abc:        | 10 | herror 1",
        "abc         | 10 | not numeric",
      })
  void takesNumericNamesAsDigitsDots(String name, int family, String expected) {
    String got;
    try {
      var e = HostDatabase.digitsDots(name, family);
      got = e == null ? "not numeric" : Fixture.render(e);
    } catch (LookupFailure x) {
      var e = (dev.netdb.HostException) PythonLayers.toPublic(x);
      got = "herror " + e.code().getAsInt();
    }
    assertThat(got).isEqualTo(expected);
  }
}
