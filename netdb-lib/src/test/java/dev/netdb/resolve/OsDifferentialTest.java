package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.PythonLayers;
import dev.netdb.text.IpLiterals;
import dev.netdb.dns.LookupFailure;
import dev.netdb.backend.AddressInfo;
import dev.netdb.NetDbException;
import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.os.OsBackend;
import dev.netdb.backend.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure-Java back end against this machine's glibc (the OS back end) on inputs that need no
 * lookup: every call carries {@code AI_NUMERICHOST} (or {@code NI_NUMERICHOST}), so neither side
 * reads the hosts file or asks DNS. The Java side uses the machine's own interfaces and the real
 * UDP-connect source probe, so the RFC 3484 order is checked against glibc's on this network.
 */
class OsDifferentialTest {
  private static final int AI_NUMERICHOST = 4;
  private static Backend os;
  private static Backend java;

  @BeforeAll
  static void backends() {
    assumeTrue(OsBackend.isAvailable(), () -> "OS back end unavailable: " + OsBackend.unavailableReason());
    os = OsBackend.create();
    var hosts = HostsFile.watch(Path.of("/etc/hosts"), Duration.ZERO, System::nanoTime);
    var hostConf = HostConf.watch(Path.of("/etc/host.conf"), Duration.ZERO, System::nanoTime);
    var gai = GaiConf.watch(Path.of("/etc/gai.conf"), Duration.ZERO, System::nanoTime);
    java = new JavaBackend(new Environment(
        hosts::get, hostConf::get, gai,
        ServiceDirectory.of(FilesDatabases.open(Path.of("/etc/services"), Path.of("/etc/protocols"))),
        NssDns.none(),
        Environment::systemHostname,
        LocalAddress::system,
        SourceProbe.udpConnect(),
        Environment::systemInterfaceIndex,
        Environment::systemInterfaceName));
  }

  record Call(String host, String service, int family, int type, int proto, int flags) {
    @Override
    public String toString() {
      return "getaddrinfo(" + host + ", " + service + ", " + family + ", " + type + ", " + proto + ", 0x"
          + Integer.toHexString(flags) + ")";
    }
  }

  static Stream<Call> calls() {
    String[] hosts = {
      null, "*", "127.0.0.1", "::1", "127.1", "0x7f.1", "::ffff:127.0.0.1", "::", "0.0.0.0",
      "fe80::1%1", "fe80::1%lo", "::1%lo", "::1%1", "192.0.2.1", "2001:db8::1", "1.2.3.4.5",
      "127.0.0.1 ", "ff02::1%1", "4294967295"
    };
    String[] services = {null, "*", "80", "http", "amqp", "", "70000", "-1", " 80", "tftp", "0x50"};
    int[][] shapes = {{0, 0, 0}, {2, 1, 0}, {10, 2, 0}, {0, 3, 0}, {0, 0, 132}, {10, 5, 0}, {1, 0, 0}, {0, 2, 6}};
    int[] flags = {0, 1, 2, 8, 8 | 16, 16, 32, 32 | 1, 1024, 0x800};
    List<Call> out = new ArrayList<>();
    int i = 0;
    for (String h : hosts) {
      for (String s : services) {
        for (int[] shape : shapes) {
          // A fixed stride keeps the set small but mixes every dimension.
          int f = flags[(i++) % flags.length];
          out.add(new Call(h, s, shape[0], shape[1], shape[2], f | AI_NUMERICHOST));
        }
      }
    }
    return out.stream();
  }

  private static String run(Backend b, Call c) {
    try {
      List<AddressInfo> r = b.getaddrinfo(c.host(), c.service(), c.family(), c.type(), c.proto(), c.flags());
      return r.toString();
    } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
      return e.kind() + " " + e.code() + " " + e.pythonMessage();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void getaddrinfoMatchesGlibc(Call c) {
    assertThat(run(java, c)).isEqualTo(run(os, c));
  }

  static Stream<AddressInfo> sockaddrs() {
    return Stream.of(
        new AddressInfo(2, 1, 6, "", IpLiterals.pton4("127.0.0.1"), 80, 0, 0),
        new AddressInfo(2, 1, 6, "", IpLiterals.pton4("192.0.2.1"), 53, 0, 0),
        new AddressInfo(10, 1, 6, "", IpLiterals.pton6("::1"), 443, 0, 0),
        new AddressInfo(10, 1, 6, "", IpLiterals.pton6("fe80::1"), 80, 0, 1),
        new AddressInfo(10, 1, 6, "", IpLiterals.pton6("fe80::1"), 80, 0, 4242),
        new AddressInfo(10, 1, 6, "", IpLiterals.pton6("2001:db8::1"), 80, 0, 7),
        new AddressInfo(10, 1, 6, "", IpLiterals.pton6("ff02::1"), 9, 0, 1),
        new AddressInfo(2, 1, 6, "", IpLiterals.pton4("10.0.0.1"), 65535, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sockaddrs")
  void numericGetnameinfoMatchesGlibc(AddressInfo sa) {
    for (int flags : new int[] {1, 1 | 2, 1 | 16, 1 | 8, 1 | 4, 1 | 0x100}) {
      String j;
      String o;
      try {
        j = java.getnameinfo(sa, flags).toString();
      } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
        j = e.kind() + " " + e.code() + " " + e.pythonMessage();
      }
      try {
        o = os.getnameinfo(sa, flags).toString();
      } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
        o = e.kind() + " " + e.code() + " " + e.pythonMessage();
      }
      assertThat(j).as("flags %d", flags).isEqualTo(o);
    }
  }
}
