package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that {@link NsdServer} serves {@link TestZone} on loopback with the behaviours the zone
 * documents, asked with {@code dig} (loopback only).
 */
@ExtendWith(NsdExtension.class)
class NsdServerTest {
  private final NsdServer server;

  NsdServerTest(NsdServer server) {
    this.server = server;
  }

  private CommandResult dig(String address, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Requirements.requireProgram("dig", "bind9-dnsutils").toString(),
        "@" + address, "-p", Integer.toString(server.port()),
        "+norecurse", "+tries=1", "+time=2"));
    command.addAll(List.of(args));
    CommandResult result = CommandResult.run(command, null, Duration.ofSeconds(20));
    assertThat(result.exit()).as(result.describe()).isZero();
    return result;
  }

  private List<String> answer(String name, String type) throws IOException {
    return dig("127.0.0.1", "+noall", "+answer", name, type).lines().stream()
        .map(l -> l.replaceAll("\\s+", " "))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void answersOnBothLoopbackAddresses(String address) throws IOException {
    assertThat(dig(address, "+short", TestZone.V4ONLY, "A").lines())
        .containsExactly(TestZone.V4ONLY_ADDRESS);
  }

  @Test
  void cnameChainComesInOneAnswer() throws IOException {
    assertThat(answer(TestZone.WWW, "A")).containsExactly(
        "www.example.test. 300 IN CNAME web.example.test.",
        "web.example.test. 300 IN CNAME host.example.test.",
        "host.example.test. 300 IN A 192.0.2.110",
        "host.example.test. 300 IN A 192.0.2.111");
  }

  @Test
  void statusesOfTheSpecialNames() throws IOException {
    assertThat(status(TestZone.NXDOMAIN, "A")).isEqualTo("NXDOMAIN");
    assertThat(status(TestZone.NODATA, "A")).isEqualTo("NOERROR");
    assertThat(answer(TestZone.NODATA, "A")).isEmpty();
    assertThat(status(TestZone.EMPTY_NON_TERMINAL, "A")).isEqualTo("NOERROR");
    assertThat(answer(TestZone.EMPTY_NON_TERMINAL, "A")).isEmpty();
    assertThat(status(TestZone.V4ONLY, "AAAA")).isEqualTo("NOERROR");
    assertThat(answer(TestZone.V4ONLY, "AAAA")).isEmpty();
    assertThat(status(TestZone.DANGLING, "A")).isEqualTo("NXDOMAIN");
    assertThat(answer(TestZone.DANGLING, "A"))
        .containsExactly("dangling.example.test. 300 IN CNAME missing.example.test.");
    assertThat(answer(TestZone.LOOP1, "A")).containsExactly(
        "loop1.example.test. 300 IN CNAME loop2.example.test.",
        "loop2.example.test. 300 IN CNAME loop1.example.test.");
    assertThat(answer(TestZone.WILDCARD_MATCH, "AAAA"))
        .containsExactly("anything.wild.example.test. 300 IN AAAA 2001:db8::150");
    assertThat(answer(TestZone.IDNA, "A"))
        .containsExactly("xn--bcher-kva.example.test. 300 IN A 192.0.2.160");
    assertThat(status("outside.invalid", "A")).isEqualTo("REFUSED");
  }

  @Test
  void reverseZonesHaveOneAndTwoPtrs() throws IOException {
    assertThat(dig("127.0.0.1", "+short", "-x", TestZone.PTR_ONE_V4).lines())
        .containsExactly("host.example.test.");
    assertThat(dig("127.0.0.1", "+short", "-x", TestZone.PTR_TWO_V4).lines())
        .containsExactly("dual.example.test.", "dual-alt.example.test.");
    assertThat(dig("127.0.0.1", "+short", "-x", TestZone.PTR_ONE_V6).lines())
        .containsExactly("host.example.test.");
    assertThat(dig("127.0.0.1", "+short", "-x", TestZone.PTR_TWO_V6).lines())
        .containsExactly("dual.example.test.", "dual-alt.example.test.");
    assertThat(dig("127.0.0.1", "-x", TestZone.PTR_NONE_V4).stdout()).contains("NXDOMAIN");
  }

  @Test
  void big40NeedsTcpOnlyWithoutEdns() throws IOException {
    assertThat(flags(dig("127.0.0.1", "+ignore", "+noedns", TestZone.BIG40, "A"))).contains("tc");
    CommandResult edns = dig("127.0.0.1", "+ignore", "+bufsize=1232", TestZone.BIG40, "A");
    assertThat(flags(edns)).doesNotContain("tc");
    assertThat(edns.stdout()).contains("ANSWER: 40,");
  }

  @Test
  void big100NeedsTcpEvenWithEdns() throws IOException {
    assertThat(flags(dig("127.0.0.1", "+ignore", "+bufsize=1232", TestZone.BIG100, "A")))
        .contains("tc");
    assertThat(dig("127.0.0.1", "+tcp", TestZone.BIG100, "A").stdout()).contains("ANSWER: 100,");
  }

  @Test
  void closeStopsTheProcessItStarted() throws IOException {
    NsdServer own = NsdServer.start(List.of(TestZone.forwardZone()));
    ProcessHandle handle = ProcessHandle.of(own.pid()).orElseThrow();
    assertThat(own.port()).isNotEqualTo(server.port());
    own.close();
    assertThat(handle.isAlive()).isFalse();
    assertThat(own.directory()).doesNotExist();
  }

  private String status(String name, String type) throws IOException {
    String out = dig("127.0.0.1", name, type).stdout();
    int at = out.indexOf("status: ");
    assertThat(at).as(out).isNotNegative();
    return out.substring(at + 8, out.indexOf(',', at));
  }

  private static List<String> flags(CommandResult result) {
    String out = result.stdout();
    int at = out.indexOf(";; flags: ");
    assertThat(at).as(out).isNotNegative();
    return List.of(out.substring(at + 10, out.indexOf(';', at + 10)).trim().split(" "));
  }
}
