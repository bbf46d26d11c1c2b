package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.files.HostsFile;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name of the fixture hosts file as given, upper- and lower-case (same answer: strcasecmp)
 * and with a trailing dot (no answer: glibc does not fold it).
 */
class MetamorphicHostsTest {
  static Stream<String> names() {
    HostsFile h = HostsFile.parse(Fixture.resource("hosts/reference"));
    return h.lines().stream()
        .flatMap(l -> Stream.concat(Stream.of(l.name()), l.aliases().stream()))
        .filter(n -> !n.endsWith("."))
        .distinct();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void caseDoesNotMatterButATrailingDotDoes(String name) {
    NetDb db = Fixture.netdb(Fixture.Network.DUAL);
    String given = Fixture.outcome(() -> db.getaddrinfo(name, 80, 0, 1, 0, 2));
    assertThat(given).doesNotStartWith("gaierror");
    assertThat(Fixture.outcome(() -> db.getaddrinfo(name.toUpperCase(Locale.ROOT), 80, 0, 1, 0, 2))).isEqualTo(given);
    assertThat(Fixture.outcome(() -> db.getaddrinfo(name.toLowerCase(Locale.ROOT), 80, 0, 1, 0, 2))).isEqualTo(given);
    assertThat(Fixture.outcome(() -> db.getaddrinfo(name + ".", 80, 0, 1, 0, 2)))
        .isEqualTo("gaierror(-2, 'Name or service not known')");
  }
}
