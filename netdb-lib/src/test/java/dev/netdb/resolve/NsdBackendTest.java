package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built back end end to end against NSD on loopback: hosts file first, then DNS through the
 * builder's nameserver, with the CNAME chain giving the canonical name and aliases.
 */
class NsdBackendTest {
  private static NsdServer nsd;
  @TempDir Path dir;

  @BeforeAll
  static void startNsd() throws IOException {
    nsd = NsdServer.start();
  }

  @AfterAll
  static void stopNsd() {
    if (nsd != null) {
      nsd.close();
    }
  }

  private NetDb netdb() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/testdata/hosts/reference")) {
      Files.write(dir.resolve("hosts"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("resolv.conf"), "options attempts:1 timeout:2\n");
    return NetDb.builder()
        .hostsFile(dir.resolve("hosts"))
        .resolvConf(dir.resolve("resolv.conf"))
        .hostConf(dir.resolve("none"))
        .gaiConf(dir.resolve("none"))
        .nameserver(nsd.ipv4())
        .hostname("testhost")
        .interfaceAddress(InetAddress.ofLiteral("127.0.0.1"), 8, 1)
        .interfaceAddress(InetAddress.ofLiteral("::1"), 128, 1)
        .interfaceAddress(InetAddress.ofLiteral("192.0.2.2"), 24, 2)
        .interfaceAddress(InetAddress.ofLiteral("2001:db8::2"), 64, 2)
        .build();
  }

  @Test
  void resolvesZoneNamesThroughDnsAfterTheHostsFile() throws IOException {
    NetDb db = netdb();
    var entry = db.gethostbynameEx(TestZone.WWW);
    assertThat(entry.name()).isEqualTo(TestZone.HOST);
    assertThat(entry.aliases()).containsExactly(TestZone.WWW, "web.example.test");
    List<AddrInfo> r = db.getaddrinfo(TestZone.WWW, 80, 0, 1, 0, 2);
    assertThat(r.getFirst().canonicalName()).isEqualTo(TestZone.HOST);
    assertThat(r).extracting(AddrInfo::family).startsWith(10);
    assertThat(db.gethostbyname("localhost")).isEqualTo("127.0.0.1");
    assertThat(Fixture.outcome(() -> db.getaddrinfo("nosuch.example.test", 80, 0, 1, 0, 0)))
        .isEqualTo("gaierror(-2, 'Name or service not known')");
    assertThat(Fixture.outcome(() -> db.getaddrinfo(TestZone.NODATA, 80, 0, 1, 0, 0)))
        .isEqualTo("gaierror(-5, 'No address associated with hostname')");
  }
}
