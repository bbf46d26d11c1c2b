package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the generated test zones: each is accepted by {@code nsd-checkzone}. */
class TestZoneTest {
  static List<ZoneFile> allZones() {
    return TestZone.zonesWithRoot();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allZones")
  void nsdCheckzoneAcceptsZone(ZoneFile zone, @TempDir Path dir) throws IOException {
    Path checkzone = Requirements.requireProgram("nsd-checkzone", "nsd");
    Path file = zone.writeTo(dir);
    CommandResult result = CommandResult.run(
        List.of(checkzone.toString(), zone.origin(), file.toString()), null, Duration.ofSeconds(30));
    assertThat(result.exit()).as(result.describe()).isZero();
    assertThat(result.stdout() + result.stderr()).contains("is ok");
  }

  @Test
  void nsdCheckconfAcceptsConfiguration(@TempDir Path dir) throws IOException {
    Path checkconf = Requirements.requireProgram("nsd-checkconf", "nsd");
    Path conf = NsdConfig.write(dir, 53053, TestZone.zonesWithRoot());
    CommandResult result =
        CommandResult.run(List.of(checkconf.toString(), conf.toString()), null, Duration.ofSeconds(30));
    assertThat(result.exit()).as(result.describe()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2001:db8::110, 0.1.1.0.0.0.0.0.0.0.0.0.0.0.0.0",
    "2001:db8::1,   1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0",
    "2001:db8::abcd, d.c.b.a.0.0.0.0.0.0.0.0.0.0.0.0",
  })
  void reverseV6LabelHasSixteenNibblesLowFirst(String address, String labels) {
    assertThat(TestZone.reverseV6Label(address)).isEqualTo(labels);
  }

  @Test
  void bigSetsHaveTheDocumentedSizes() {
    assertThat(TestZone.big40Addresses()).hasSize(TestZone.BIG40_COUNT).doesNotHaveDuplicates();
    assertThat(TestZone.big100Addresses()).hasSize(TestZone.BIG100_COUNT).doesNotHaveDuplicates();
    assertThat(TestZone.forwardZone().text().lines().filter(l -> l.startsWith("big100\tA\t")))
        .hasSize(100);
  }

  @Test
  void zoneAddressesAreNotInTheFixtureHostsFile() throws IOException {
    String hosts = OracleNamespace.fixtureHosts();
    String zone = TestZone.forwardZone().text();
    for (String line : hosts.lines().toList()) {
      String address = line.split("\\s+")[0];
      assertThat(zone).as("zone must not reuse hosts address %s", address)
          .doesNotContain("\t" + address + "\n");
    }
  }
}
