package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's injectable inputs, and re-reading files when they change. */
class NetDbBuilderTest {
  @TempDir Path dir;

  private NetDbBuilder builder() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/testdata/hosts/reference")) {
      Files.write(dir.resolve("hosts"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("host.conf"), "multi on\n");
    Files.writeString(dir.resolve("gai.conf"), "# nothing\n");
    return NetDb.builder()
        .hostsFile(dir.resolve("hosts"))
        .hostConf(dir.resolve("host.conf"))
        .gaiConf(dir.resolve("gai.conf"))
        .servicesFile(dir.resolve("no-services"))
        .protocolsFile(dir.resolve("no-protocols"))
        .resolvConf(dir.resolve("no-resolv.conf"))
        .hostname("testhost")
        .interfaceAddress(InetAddress.ofLiteral("127.0.0.1"), 8, 1)
        .interfaceAddress(InetAddress.ofLiteral("::1"), 128, 1)
        .interfaceAddress(InetAddress.ofLiteral("192.0.2.2"), 24, 2)
        .interfaceAddress(InetAddress.ofLiteral("2001:db8::2"), 64, 2);
  }

  private static List<String> hosts(List<AddrInfo> r) {
    return r.stream().map(AddrInfo::host).toList();
  }

  @Test
  void usesEveryInjectedInput() throws IOException {
    NetDb db = builder().build();
    assertThat(db.backendName()).isEqualTo("java");
    assertThat(db.gethostname()).isEqualTo("testhost");
    assertThat(db.getfqdn()).isEqualTo("testhost.example.org");
    assertThat(hosts(db.getaddrinfo("multi.example", 80, 0, 1, 0, 0)))
        .containsExactly("2001:db8::10", "192.0.2.10", "192.0.2.11");
    assertThat(db.getservbyname("http")).isEqualTo(80);
    assertThat(db.getprotobyname("tcp")).isEqualTo(6);
  }

  @Test
  void rereadsHostsAndHostConfWhenTheyChange() throws IOException {
    NetDb db = builder().build();
    assertThat(db.gethostbynameEx("localhost").addresses()).hasSize(2);
    Files.writeString(dir.resolve("host.conf"), "multi off # changed\n");
    assertThat(db.gethostbynameEx("localhost").addresses()).containsExactly("127.0.0.1");
    Files.writeString(dir.resolve("hosts"), "192.0.2.77 added.example\n");
    assertThat(db.gethostbyname("added.example")).isEqualTo("192.0.2.77");
  }

  @Test
  void readsGaiConfOnceUnlessReloadIsOn() throws IOException {
    NetDb db = builder().build();
    assertThat(hosts(db.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("::1", "127.0.0.1");
    Files.writeString(dir.resolve("gai.conf"), "precedence ::ffff:0:0/96 100\n");
    assertThat(hosts(db.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("::1", "127.0.0.1");

    NetDb reloading = builder().build();
    Files.writeString(dir.resolve("gai.conf"), "reload yes\n");
    assertThat(hosts(reloading.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("::1", "127.0.0.1");
    Files.writeString(dir.resolve("gai.conf"), "reload yes\nprecedence ::ffff:0:0/96 100\n");
    assertThat(hosts(reloading.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("127.0.0.1", "::1");
  }

  @Test
  void missingFilesMeanEmptyHostsAndDefaults() throws IOException {
    // resolv.conf is private too, so the DNS leg of getfqdn never meets the system's nameserver:
    // it gets a closed loopback port (ICMP port unreachable, answered at once, nothing leaves).
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options attempts:1 timeout:1\n");
    try (NetDb db = NetDb.builder()
        .hostsFile(dir.resolve("none"))
        .hostConf(dir.resolve("none"))
        .gaiConf(dir.resolve("none"))
        .servicesFile(dir.resolve("none"))
        .protocolsFile(dir.resolve("none"))
        .resolvConf(resolv)
        .nameserver(new InetSocketAddress("127.0.0.1", 9))
        .hostname("h")
        .noInterfaceAddresses()
        .build()) {
      assertThat(db.gethostbyname("127.0.0.1")).isEqualTo("127.0.0.1");
      assertThat(db.getfqdn("nosuch.invalid")).isEqualTo("nosuch.invalid");
      assertThat(db.getservbyname("http")).isEqualTo(80); // the embedded IANA table
    }
  }

  /**
   * The builder's clock and check interval reach every file: within the interval each keeps the
   * version it read; once the clock passes it, each shows its change.
   */
  @Test
  void clockAndCheckIntervalReachEveryFile() throws IOException {
    Files.writeString(dir.resolve("services"), "svc 1/tcp\n");
    Files.writeString(dir.resolve("protocols"), "proto 200\n");
    Files.writeString(dir.resolve("gai.conf"), "reload yes\n");
    AtomicLong clock = new AtomicLong();
    NetDb db = builder()
        .servicesFile(dir.resolve("services"))
        .protocolsFile(dir.resolve("protocols"))
        .clock(clock::get)
        .fileCheckInterval(Duration.ofSeconds(10))
        .build();
    Files.writeString(dir.resolve("gai.conf"), "reload yes\n"); // the builder wrote "# nothing"
    assertThat(db.getservbyname("svc")).isEqualTo(1);
    assertThat(db.getprotobyname("proto")).isEqualTo(200);
    assertThat(db.gethostbynameEx("localhost").addresses()).hasSize(2);
    assertThat(hosts(db.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("::1", "127.0.0.1");

    Files.writeString(dir.resolve("services"), "svc 2/tcp changed\n");
    Files.writeString(dir.resolve("protocols"), "proto 201 changed\n");
    Files.writeString(dir.resolve("host.conf"), "multi off # changed\n");
    Files.writeString(dir.resolve("gai.conf"), "reload yes\nprecedence ::ffff:0:0/96 100\n");
    clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(db.getservbyname("svc")).as("services, within the interval").isEqualTo(1);
    assertThat(db.getprotobyname("proto")).as("protocols, within").isEqualTo(200);
    assertThat(db.gethostbynameEx("localhost").addresses()).as("host.conf, within").hasSize(2);
    assertThat(hosts(db.getaddrinfo("localhost", 80, 0, 1, 0, 0))).as("gai.conf, within")
        .containsExactly("::1", "127.0.0.1");

    clock.addAndGet(1);
    assertThat(db.getservbyname("svc")).isEqualTo(2);
    assertThat(db.getprotobyname("proto")).isEqualTo(201);
    assertThat(db.gethostbynameEx("localhost").addresses()).containsExactly("127.0.0.1");
    assertThat(hosts(db.getaddrinfo("localhost", 80, 0, 1, 0, 0))).containsExactly("127.0.0.1");
    Files.writeString(dir.resolve("hosts"), "192.0.2.77 added.example\n");
    assertThat(db.gethostbyname("localhost")).as("hosts, within").isEqualTo("127.0.0.1");
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(db.gethostbyname("added.example")).isEqualTo("192.0.2.77");
  }
}
