package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Connect by name" examples, run as written on loopback: {@code example.test} is a
 * fixture hosts-file name for 127.0.0.1 and the ports are free ones instead of 8080 and 443.
 */
class ReadmeConnectExamplesTest {
  @Test
  void connectByName(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 example.test localhost\n");
    NetDb db = NetDb.builder().hostsFile(hosts)
        .nameserver(new InetSocketAddress("127.0.0.1", 9)).build(); // loopback: nothing leaves
    try (ServerSocketChannel s = db.createServer("", 0, ServerOptions.python()
        .withFamily(AddressFamily.INET6).withDualstackIpv6(true))) {
      int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
      try (SocketChannel a = db.createConnection("localhost", port);
          SocketChannel b = db.connect("example.test", port);
          SocketChannel c = db.createConnection("example.test", Integer.toString(port),
              ConnectOptions.python().withTimeout(Duration.ofSeconds(2))
                  .withSourceAddress("", 0).withAllErrors(true))) {
        CompletableFuture<SocketChannel> d = db.createConnectionAsync("example.test",
            Integer.toString(port), ConnectOptions.rfc8305().withHappyEyeballs(
                HappyEyeballsOptions.defaults().withAttemptDelay(Duration.ofMillis(300))
                    .withFirstAddressFamilyCount(2)));
        d.join().close();
        assertThat(a.isConnected() && b.isConnected() && c.isConnected()).isTrue();
      }
    }
    Path sock = dir.resolve("app.sock");
    try (var server = db.createServer(UnixDomainSocketAddress.of(sock), ServerOptions.python());
        SocketChannel u = db.createConnection(NetDb.unixAddress(sock.toString()),
            ConnectOptions.python())) {
      assertThat(server.isOpen()).isTrue();
      assertThat(u.getRemoteAddress()).isEqualTo(UnixDomainSocketAddress.of(sock));
    }
  }
}
