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

  private static long descriptors() throws Exception {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
