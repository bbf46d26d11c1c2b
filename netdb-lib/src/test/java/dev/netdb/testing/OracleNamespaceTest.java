package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checks the oracle namespace itself: isolation, private files, hostname, DNS and sessions. */
@ExtendWith(OracleNamespaceExtension.class)
class OracleNamespaceTest {
  private final OracleNamespace ns;

  OracleNamespaceTest(OracleNamespace ns) {
    this.ns = ns;
  }

  @Test
  void loopbackIsTheOnlyInterfaceAndThereIsNoRoute() throws IOException {
    CommandResult links = ns.run(List.of("ip", "-o", "link", "show"), null);
    assertThat(links.lines()).hasSize(1).first().asString().startsWith("1: lo:");
    assertThat(ns.run(List.of("ip", "-4", "route", "show"), null).stdout()).isEmpty();
    assertThat(ns.run(List.of("ip", "-6", "route", "show", "default"), null).stdout()).isEmpty();
    CommandResult addresses = ns.run(List.of("ip", "-o", "addr", "show"), null);
    assertThat(addresses.stdout()).contains("inet 127.0.0.1/8", "inet6 ::1/128");
  }

  @Test
  void dualNetworkStaysInsideTheNamespace() throws IOException {
    try (OracleNamespace dual =
        OracleNamespace.open(OracleConfig.reference().withNetwork(OracleConfig.Network.DUAL))) {
      CommandResult links = dual.run(List.of("ip", "-o", "link", "show"), null);
      assertThat(links.lines()).hasSize(3);
      assertThat(links.stdout()).contains(": nd0@nd1:", ": nd1@nd0:").doesNotContain("@if");
      assertThat(dual.run(List.of("ip", "-4", "route", "show", "default"), null).stdout())
          .isEqualTo("default dev nd0 scope link \n");
      CommandResult v4 = dual.run(List.of("getent", "ahostsv4", TestZone.WWW), null);
      assertThat(v4.exit()).as(v4.describe()).isZero();
      assertThat(v4.stdout()).contains("192.0.2.110");
    }
  }

  @Test
  void privateFilesAreMountedOverEtc() throws IOException {
    OracleConfig ref = OracleConfig.reference();
    assertThat(cat("/etc/hosts")).isEqualTo(OracleNamespace.fixtureHosts());
    assertThat(cat("/etc/resolv.conf")).isEqualTo(OracleConfig.RESOLV_CONF);
    assertThat(cat("/etc/nsswitch.conf")).isEqualTo(OracleConfig.NSSWITCH_CONF);
    assertThat(cat("/etc/gai.conf")).isEqualTo(ref.gaiConf().orElseThrow());
    assertThat(cat("/etc/host.conf")).isEqualTo(ref.hostConf().orElseThrow());
  }

  @Test
  void hostnameIsTesthostForLibcAndPython() throws IOException {
    assertThat(ns.run(List.of("hostname"), null).stdout()).isEqualTo("testhost\n");
    CommandResult py = ns.run(List.of("/usr/bin/python3", "-c",
        "import socket; print(socket.gethostname()); print(socket.getfqdn())"), null);
    assertThat(py.lines()).as(py.describe())
        .containsExactly("testhost", "testhost.example.org");
  }

  @Test
  void osResolverReachesTheNamespaceNsd() throws IOException {
    // ahosts, not ahostsv4: getent's ahostsv4/v6 set AI_ADDRCONFIG, which on loopback only
    // fails before any lookup (python-semantics.md §6b).
    CommandResult getent = ns.run(List.of("getent", "ahosts", TestZone.WWW), null);
    assertThat(getent.exit()).as(getent.describe()).isZero();
    assertThat(getent.stdout()).contains("192.0.2.110", "host.example.test");
    CommandResult missing = ns.run(List.of("getent", "hosts", TestZone.NXDOMAIN), null);
    assertThat(missing.exit()).isEqualTo(2);
  }

  @Test
  void stdinExitStatusAndWorkingDirectoryReachTheCommand(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("marker"), "here\n");
    CommandResult result = ns.run(
        List.of("bash", "-c", "cat marker; tr a-z A-Z; echo oops >&2; exit 7"), "abc\n", dir);
    assertThat(result).isEqualTo(new CommandResult("here\nABC\n", "oops\n", 7));
  }

  @Test
  void runBatchFeedsOneLinePerInput() throws IOException {
    List<String> lines = List.of("[\"a\", 1]", "[null, \"b\"]", "third line");
    CommandResult result = ns.runBatch(List.of("cat", "-n"), lines);
    assertThat(result.lines()).containsExactly(
        "     1\t[\"a\", 1]", "     2\t[null, \"b\"]", "     3\tthird line");
    assertThatThrownBy(() -> ns.runBatch(List.of("cat"), List.of("a\nb")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void argumentsPassUnchanged() throws IOException {
    List<String> args = List.of("", "two words", "$HOME", "'quoted'", "b\u00fccher", "*");
    List<String> command = new java.util.ArrayList<>(
        List.of("/usr/bin/python3", "-c", "import sys; print(repr(sys.argv[1:]))"));
    command.addAll(args);
    CommandResult result = ns.run(command, null);
    assertThat(result.stdout())
        .isEqualTo("['', 'two words', '$HOME', \"'quoted'\", 'b\u00fccher', '*']\n");
  }

  @Test
  void runOnceAndCloseStopNsdByPid() throws IOException {
    assertThat(OracleNamespace.runOnce(List.of("hostname"), null).stdout())
        .isEqualTo("testhost\n");
    OracleNamespace own = OracleNamespace.open();
    ProcessHandle nsd = ProcessHandle.of(own.nsdPid()).orElseThrow();
    ProcessHandle agent = ProcessHandle.of(own.agentPid()).orElseThrow();
    own.close();
    assertThat(nsd.isAlive()).isFalse();
    assertThat(agent.isAlive()).isFalse();
    assertThatThrownBy(() -> own.run(List.of("true"), null)).isInstanceOf(IOException.class);
  }

  private String cat(String path) throws IOException {
    CommandResult result = ns.run(List.of("cat", path), null);
    assertThat(result.exit()).as(result.describe()).isZero();
    return result.stdout();
  }
}
