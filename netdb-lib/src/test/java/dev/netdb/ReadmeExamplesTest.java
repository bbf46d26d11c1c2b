package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library examples, run as written (with fixture files), so the docs stay true. */
class ReadmeExamplesTest {

  @Test
  void codecsAndErrors(@TempDir Path dir) throws Exception {
    assertThat(HexFormat.of().formatHex(Inet.aton("127.1"))).isEqualTo("7f000001");
    assertThat(Inet.ntop(AddressFamily.INET6, Inet.pton(AddressFamily.INET6, "1:0:0:1::1")))
        .isEqualTo("1:0:0:1::1");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
    NetDb db = NetDb.builder().resolvConf(resolv).nameserver(new InetSocketAddress("127.0.0.1", 9)).build();
    assertThat(db.getservbyname("http")).isEqualTo(80);
    assertThat(db.getservbyport(143)).isEqualTo("imap2");
    assertThatThrownBy(() -> db.getservbyname("http", "udp"))
        .isInstanceOf(SystemException.class)
        .extracting(e -> ((SystemException) e).pythonMessage())
        .isEqualTo("service/proto not found");
  }

  @Test
  void javaFaceWithTypedHints(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.1 example.test\n2001:db8::1 example.test\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
    try (NetDb db = NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(Files.writeString(dir.resolve("host.conf"), "multi on\n"))
        .nameserver(new InetSocketAddress("127.0.0.1", 9)).noInterfaceAddresses()
        .fileCheckInterval(java.time.Duration.ofSeconds(1)).build()) {
      ResolvedAddresses r = db.resolve("example.test", new AddrInfoHints(AddressFamily.UNSPEC,
          SocketType.STREAM, IpProto.TCP, java.util.EnumSet.of(AddrInfoFlag.ADDRCONFIG)));
      assertThat(r.addresses()).extracting(java.net.InetAddress::toString)
          .containsExactly("example.test/2001:db8:0:0:0:0:0:1", "example.test/192.0.2.1");
      // A hosts-file answer holds until the next file check.
      assertThat(r.ttl()).isEqualTo(java.time.Duration.ofSeconds(1));
      assertThat(db.lookupPreferring("example.test", AddressFamily.INET)).extracting(java.net.InetAddress::toString)
          .containsExactly("example.test/192.0.2.1", "example.test/2001:db8:0:0:0:0:0:1");
    }
  }

  @Test
  void builderWithInjectedInputs(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.10 www.example.test\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
    NetDb closed;
    try (NetDb db =
        NetDb.builder()
            .hostsFile(hosts)
            .resolvConf(resolv)
            .nameserver(new InetSocketAddress("127.0.0.1", 9)) // loopback: nothing leaves
            .hostname("testhost")
            .build()) {
      List<AddrInfo> list = db.getaddrinfoAsync("www.example.test", "http", 2, 1, 0, 0).join();
      assertThat(list).hasSize(1);
      assertThat(list.getFirst().socketAddress())
          .isEqualTo(new InetSocketAddress(java.net.InetAddress.getByAddress(
              new byte[] {(byte) 192, 0, 2, 10}), 80));
      assertThat(db.getaddrinfoAsync("www.example.test", "http", 0, 1, 0, 0)
              .thenApply(l -> l.getFirst().host() + " " + db.gethostbyname("www.example.test"))
              .join())
          .isEqualTo("192.0.2.10 192.0.2.10");
      assertThat(db.gethostname()).isEqualTo("testhost");
      closed = db;
    }
    assertThatThrownBy(closed::gethostname).isInstanceOf(NetDbClosedException.class);
  }
}
