package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.PythonLayers;
import dev.netdb.dns.LookupFailure;
import dev.netdb.GaiException;
import dev.netdb.resolve.ServiceTuples.Service;
import dev.netdb.resolve.ServiceTuples.SockTuple;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service stage on its own: glibc's strtoul parsing and the gaih_inet_typeproto table. */
class ServiceTuplesTest {
  private static final ServiceDirectory NETBASE =
      Fixture.environment(Fixture.Network.DUAL, "", "", NssDns.none()).services();

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "80          | Number[num=80]",
        "' +80'      | Number[num=80]",
        "'\t80'      | Number[num=80]",
        "65536       | Number[num=65536]",
        "4294967376  | Number[num=80]",
        "-1          | Name[name=-1]",
        "2147483648  | Name[name=2147483648]",
        "0x50        | Name[name=0x50]",
        "'80 '       | Name[name=80 ]",
        "+           | Name[name=+]",
        "http        | Name[name=http]",
        "''          | None[]",
      })
  void parsesServiceAsGlibc(String service, String expected) {
    assertThat(ServiceTuples.parse(service, 0).toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"http", "' 80x'", "-1"})
  void numericServRejectsNamesOnly(String service) {
    if (service.equals("-1")) {
      // Entirely numeric for strtoul: AI_NUMERICSERV lets it through, the name lookup fails later.
      assertThat(ServiceTuples.parse(service, 0x400)).isInstanceOf(Service.Name.class);
      return;
    }
    assertThatThrownBy(() -> ServiceTuples.parse(service, 0x400))
        .isInstanceOf(LookupFailure.class)
        .hasMessageStartingWith("Name or service not known");
  }

  @ParameterizedTest(name = "type={0} proto={1} service={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 0   |      | 1/6/0 2/17/0 3/0/0",
        "0 | 0   | 80   | 1/6/80 2/17/80 3/0/80",
        "1 | 0   | 80   | 1/6/80",
        "2 | 0   |      | 2/17/0",
        "0 | 132 |      | 1/132/0",
        "5 | 0   |      | 5/132/0",
        "6 | 0   |      | 6/33/0",
        "2 | 136 |      | 2/136/0",
        "0 | 99  |      | 3/99/0",
        "3 | 0   |      | 3/0/0",
        "3 | 0   | 80   | EAI -8",
        "3 | 0   | http | EAI -8",
        "1 | 17  |      | EAI -7",
        "4 | 0   |      | EAI -7",
        "0 | 0   | amqp | 1/6/5672 1/132/5672 5/132/5672",
        "0 | 0   | tftp | 2/17/69",
        "1 | 0   | tftp | EAI -8",
        "2 | 0   | http | EAI -8",
        "0 | 0   | nope | EAI -8",
        "0 | 132 | amqp | 1/132/5672",
      })
  void choosesTuplesFromGlibcTable(int type, int proto, String service, String expected) {
    String got;
    try {
      List<SockTuple> t = ServiceTuples.tuples(type, proto, ServiceTuples.parse(service, 0), NETBASE, "x");
      got = t.stream().map(s -> s.type() + "/" + s.proto() + "/" + s.port()).collect(Collectors.joining(" "));
    } catch (LookupFailure x) {
      var e = (dev.netdb.GaiException) PythonLayers.toPublic(x);
      got = "EAI " + e.code().getAsInt();
    }
    assertThat(got).isEqualTo(expected);
  }
}
