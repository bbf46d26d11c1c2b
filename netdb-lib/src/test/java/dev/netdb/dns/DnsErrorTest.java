package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the outcome → h_errno → EAI mapping and the texts Python shows. */
class DnsErrorTest {
  static final InetSocketAddress S = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 53);
  static final DnsMessage M = new DnsMessage(DnsHeader.of(1, 0x8180), List.of(), List.of(), List.of(), List.of());

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(new DnsOutcome.Answer(M, S), null, 0, null, 0, null),
        Arguments.of(new DnsOutcome.NxDomain(M, S), DnsError.HOST_NOT_FOUND, 1, "Unknown host", -2, "Name or service not known"),
        Arguments.of(new DnsOutcome.NoData(M, S), DnsError.NO_DATA, 4, "No address associated with name", -5,
            "No address associated with hostname"),
        Arguments.of(new DnsOutcome.ServFail(S), DnsError.TRY_AGAIN, 2, "Host name lookup failure", -3,
            "Temporary failure in name resolution"),
        Arguments.of(new DnsOutcome.Refused(S, DnsType.REFUSED), DnsError.TRY_AGAIN, 2, "Host name lookup failure", -3,
            "Temporary failure in name resolution"),
        Arguments.of(new DnsOutcome.Refused(S, DnsType.FORMERR), DnsError.FINAL_RCODE, 3, "Unknown server error", -2,
            "Name or service not known"),
        Arguments.of(new DnsOutcome.Refused(S, 15), DnsError.FINAL_RCODE, 3, "Unknown server error", -2,
            "Name or service not known"),
        Arguments.of(new DnsOutcome.StreamBroken(S), DnsError.STREAM_BROKEN, 2, "Host name lookup failure", -3,
            "Temporary failure in name resolution"),
        Arguments.of(new DnsOutcome.OutOfDescriptors(24, "Too many open files"), DnsError.EMFILE, -1,
            "Resolver internal error", -11, "Too many open files"),
        Arguments.of(new DnsOutcome.Truncated(S), DnsError.TRY_AGAIN, 2, "Host name lookup failure", -3,
            "Temporary failure in name resolution"),
        Arguments.of(new DnsOutcome.Timeout(), DnsError.TRY_AGAIN, 2, "Host name lookup failure", -3,
            "Temporary failure in name resolution"),
        Arguments.of(new DnsOutcome.Malformed("x"), DnsError.NO_RECOVERY, 3, "Unknown server error", -2,
            "Name or service not known"));
  }

  @org.junit.jupiter.params.provider.CsvSource({
    // error,        family, canonname, eai: measured in the oracle namespace (testdata/dns/oracle-glibc-2.36.txt)
    "NO_DATA,        INET,   false,     -5",
    "NO_DATA,        UNSPEC, false,     -5",
    "NO_RECOVERY,    INET,   false,     -5",
    "NO_RECOVERY,    UNSPEC, false,     -2",
    "NO_RECOVERY,    INET,   true,      -2",
    "HOST_NOT_FOUND, INET,   false,     -2",
    "TRY_AGAIN,      INET,   false,     -3",
    "TRY_AGAIN,      UNSPEC, false,     -3",
    // measured with the hostile fake server in the oracle namespace (HostileOracleTest)
    "FINAL_RCODE,    INET,   false,     -2",
    "FINAL_RCODE,    UNSPEC, false,     -2",
    "FINAL_RCODE,    INET,   true,      -2",
    "STREAM_BROKEN,  INET,   false,     -2",
    "STREAM_BROKEN,  UNSPEC, false,     -3",
    "STREAM_BROKEN,  INET,   true,      -3",
  })
  @ParameterizedTest
  void eaiDependsOnGlibcPath(DnsError e, dev.netdb.AddressFamily family, boolean canon, int eai) {
    assertThat(e.eai(family.value(), canon)).isEqualTo(eai);
    assertThat(e.gaiStrerror(family.value(), canon))
        .isEqualTo(switch (eai) {
          case -2 -> "Name or service not known";
          case -3 -> "Temporary failure in name resolution";
          default -> "No address associated with hostname";
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void mapsAsGlibc(DnsOutcome o, DnsError e, int herrno, String hstr, int eai, String gai) {
    assertThat(DnsError.of(o)).isEqualTo(e);
    if (e != null) {
      assertThat(e.herrno()).isEqualTo(herrno);
      assertThat(e.hstrerror()).isEqualTo(hstr);
      assertThat(e.eai()).isEqualTo(eai);
      assertThat(e.gaiStrerror()).isEqualTo(gai);
    }
  }
}
