package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.testguard.ExpectsLoopbackRefusals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks both pollers' socket promises directly: under the test run neither opens a socket to an
 * address outside loopback (the {@link LoopbackOnly} guard is on the FFM path too, and nothing is
 * opened before it refuses); a datagram sent to a closed loopback port comes back as {@link
 * java.net.PortUnreachableException}; a closed socket's descriptor is gone. Loopback only.
 */
class PollerTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nio", "epoll"})
  @ExpectsLoopbackRefusals
  void refusesToOpenASocketToAnAddressOutsideLoopback(String kind) throws Exception {
    InetSocketAddress outside = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 53);
    try (Poller p = Pollers.open(kind)) {
      long before = descriptors();
      assertThatThrownBy(() -> p.openUdp(outside)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("192.0.2.1:53");
      assertThatThrownBy(() -> p.openTcp(outside)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("192.0.2.1:53");
      assertThat(descriptors()).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nio", "epoll"})
  void aClosedPortIsReportedAsPortUnreachableAndCloseFreesTheDescriptor(String kind) throws Exception {
    int closedPort;
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.ofLiteral("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (Poller p = Pollers.open(kind)) {
      long before = descriptors();
      Poller.UdpSocket u = p.openUdp(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), closedPort));
      assertThat(descriptors()).isEqualTo(before + 1);
      u.send(new byte[12]);
      ByteBuffer buf = ByteBuffer.allocateDirect(512);
      Throwable thrown = null;
      for (int i = 0; i < 200 && thrown == null; i++) { // the ICMP error arrives within microseconds
        try {
          u.receive(buf);
          Thread.sleep(10);
        } catch (java.net.PortUnreachableException e) {
          thrown = e;
        }
      }
      assertThat(thrown).isInstanceOf(java.net.PortUnreachableException.class);
      u.close();
      assertThat(u.isOpen()).isFalse();
      assertThat(descriptors()).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nio", "epoll"})
  void reconnectMovesAUsedSocketToAFreshPortWithNothingQueuedAndItIsWatchedAgain(String kind) throws Exception {
    InetAddress lo = InetAddress.ofLiteral("127.0.0.1");
    try (Poller p = Pollers.open(kind);
        java.net.DatagramSocket first = new java.net.DatagramSocket(0, lo);
        java.net.DatagramSocket second = new java.net.DatagramSocket(0, lo)) {
      second.setSoTimeout(2000);
      Poller.UdpSocket u = p.openUdp((InetSocketAddress) first.getLocalSocketAddress());
      int oldPort = u.localPort();
      java.util.List<Integer> seen = new java.util.ArrayList<>();
      Poller.Io io = new Poller.Io() {
        @Override
        public Exchange exchange() {
          return null;
        }

        @Override
        public void ready(int ops) {
          seen.add(ops);
        }
      };
      p.register(u, io);
      first.send(new java.net.DatagramPacket(new byte[] {1}, 1, lo, oldPort)); // left unread
      Thread.sleep(50);
      p.cancel(u);
      boolean moved = p.reconnect(u, (InetSocketAddress) second.getLocalSocketAddress());
      if (kind.equals("nio")) {
        assertThat(moved).as("the JDK rebinds a disconnected channel to its old port").isFalse();
        u.close();
        return;
      }
      assertThat(moved).isTrue();
      ByteBuffer buf = ByteBuffer.allocateDirect(512);
      assertThat(u.receive(buf)).as("what the old port had queued is gone").isLessThanOrEqualTo(0);
      int newPort = u.localPort();
      assertThat(newPort).isPositive();
      // Not handed out yet: a datagram now (to the new port) reaches no handler, and the poller
      // stops watching the socket until it is registered again.
      u.send(new byte[] {2});
      java.net.DatagramPacket got = new java.net.DatagramPacket(new byte[8], 8);
      second.receive(got);
      assertThat(got.getPort()).isEqualTo(newPort);
      second.send(new java.net.DatagramPacket(new byte[] {3, 4}, 2, lo, newPort));
      Thread.sleep(50);
      p.select(100, Poller.Io::ready);
      p.select(-1, Poller.Io::ready);
      assertThat(seen).isEmpty();
      p.register(u, io);
      p.select(1000, Poller.Io::ready);
      assertThat(seen).containsExactly(Poller.READ);
      assertThat(u.receive(buf)).isEqualTo(2);
      // A socket of another family cannot be moved; a closed one neither.
      assertThat(p.reconnect(u, new InetSocketAddress(InetAddress.ofLiteral("::1"), 53))).isFalse();
      p.cancel(u);
      u.close();
      assertThat(p.reconnect(u, (InetSocketAddress) second.getLocalSocketAddress())).isFalse();
    }
  }

  private static long descriptors() throws Exception {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
