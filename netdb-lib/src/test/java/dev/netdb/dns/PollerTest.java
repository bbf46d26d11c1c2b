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
    InetSocketAddress closed = closedLoopbackPort();
    try (Poller p = Pollers.open(kind)) {
      long before = descriptors();
      Poller.UdpSocket u = p.openUdp(closed);
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

  /**
   * The batch send gives the server every datagram, in order, whatever the batch's size against
   * the poller's (epoll: 64 per {@code sendmmsg}, longer than a 512-byte slot alone; nio: one a
   * call), and says how many each call took.
   */
  @ParameterizedTest(name = "{0}: {1} datagrams of {2} bytes")
  @org.junit.jupiter.params.provider.CsvSource({
      "nio, 1, 12", "nio, 5, 40",
      "epoll, 1, 12", "epoll, 2, 12", "epoll, 64, 30", "epoll, 65, 30", "epoll, 150, 300",
      "epoll, 3, 600", "epoll, 1, 512", "epoll, 2, 513"})
  void aBatchSendDeliversEveryDatagramInOrder(String kind, int count, int size) throws Exception {
    InetAddress lo = InetAddress.ofLiteral("127.0.0.1");
    try (Poller p = Pollers.open(kind);
        java.net.DatagramSocket server = new java.net.DatagramSocket(0, lo)) {
      server.setSoTimeout(2000);
      server.setReceiveBufferSize(1 << 20);
      Poller.UdpSocket u = p.openUdp((InetSocketAddress) server.getLocalSocketAddress());
      byte[][] datagrams = new byte[count][];
      for (int i = 0; i < count; i++) {
        datagrams[i] = new byte[size];
        datagrams[i][0] = (byte) i;
        datagrams[i][size - 1] = (byte) (i * 7);
      }
      int most = kind.equals("nio") ? 1 : size > 512 ? 1 : 64;
      for (int from = 0; from < count; ) {
        int sent = p.send(u, datagrams, from, count);
        assertThat(sent).isBetween(1, Math.min(most, count - from));
        from += sent;
      }
      for (int i = 0; i < count; i++) {
        java.net.DatagramPacket got = new java.net.DatagramPacket(new byte[2048], 2048);
        server.receive(got);
        assertThat(got.getLength()).isEqualTo(size);
        assertThat(got.getData()[0]).isEqualTo((byte) i);
        assertThat(got.getData()[size - 1]).isEqualTo((byte) (i * 7));
      }
      u.close();
    }
  }

  /**
   * The batch receive hands over every waiting datagram in order (epoll: 16 per {@code
   * recvmmsg}), each cut to the buffer's size as {@code recv} cuts it, and stops when the sink says
   * so: what that system call read is dropped, the rest stays queued.
   */
  @ParameterizedTest(name = "{0}: {1} datagrams, stop after {2}")
  @org.junit.jupiter.params.provider.CsvSource({
      "nio, 1, 0", "nio, 20, 0", "nio, 20, 5",
      "epoll, 1, 0", "epoll, 15, 0", "epoll, 16, 0", "epoll, 17, 0", "epoll, 40, 0",
      "epoll, 40, 3", "epoll, 40, 16", "epoll, 40, 17"})
  void aBatchReceiveHandsOverWhatWaitsInOrderUntilTheSinkStops(String kind, int count, int stopAfter)
      throws Exception {
    InetAddress lo = InetAddress.ofLiteral("127.0.0.1");
    try (Poller p = Pollers.open(kind);
        java.net.DatagramSocket server = new java.net.DatagramSocket(0, lo)) {
      Poller.UdpSocket u = p.openUdp((InetSocketAddress) server.getLocalSocketAddress());
      u.send(new byte[] {0}); // the server learns the socket's port
      java.net.DatagramPacket hello = new java.net.DatagramPacket(new byte[8], 8);
      server.setSoTimeout(2000);
      server.receive(hello);
      int bufSize = 100;
      for (int i = 0; i < count; i++) {
        int len = i == count - 1 && count > 1 ? 250 : 2 + i; // the last is longer than the buffer
        byte[] d = new byte[len];
        d[0] = (byte) i;
        server.send(new java.net.DatagramPacket(d, len, hello.getSocketAddress()));
      }
      Thread.sleep(50);
      ByteBuffer buf = ByteBuffer.allocateDirect(bufSize);
      java.util.List<byte[]> got = new java.util.ArrayList<>();
      p.receive(u, buf, d -> {
        byte[] b = new byte[d.remaining()];
        d.get(b);
        got.add(b);
        return stopAfter == 0 || got.size() < stopAfter;
      });
      int expected = stopAfter == 0 ? count : stopAfter;
      assertThat(got).hasSize(expected);
      for (int i = 0; i < expected; i++) {
        int len = i == count - 1 && count > 1 ? bufSize : 2 + i;
        assertThat(got.get(i)).as("datagram %d", i).hasSize(len);
        assertThat(got.get(i)[0]).isEqualTo((byte) i);
      }
      if (stopAfter != 0 && stopAfter < count) {
        // What was not read stayed queued: nio reads one a call, so the next is the one after the
        // stop; epoll read the stop's whole recvmmsg batch of 16, so the next starts the batch after.
        int next = kind.equals("nio") ? stopAfter : (stopAfter + 15) / 16 * 16;
        int n = u.receive(buf);
        if (next < count) {
          assertThat(n).isPositive();
          assertThat(buf.get(0)).isEqualTo((byte) next);
        } else {
          assertThat(n).isLessThanOrEqualTo(0);
        }
      }
      u.close();
    }
  }

  /**
   * A batch to a closed loopback port: the ICMP error comes back while the batch is being sent, so
   * a later datagram's send (nio, one datagram a call) or, where {@code sendmmsg} has lost it on a
   * later datagram of its batch, the next one's ICMP error on a receive (epoll) reports {@link
   * java.net.PortUnreachableException}; no other failure, and every call takes at least one.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nio", "epoll"})
  void aBatchToAClosedPortIsReportedAsPortUnreachable(String kind) throws Exception {
    InetSocketAddress closed = closedLoopbackPort();
    try (Poller p = Pollers.open(kind)) {
      Poller.UdpSocket u = p.openUdp(closed);
      byte[][] batch = new byte[8][];
      java.util.Arrays.setAll(batch, i -> new byte[12]);
      int reported = 0;
      for (int from = 0; from < batch.length; ) {
        try {
          int sent = p.send(u, batch, from, batch.length);
          assertThat(sent).isPositive();
          from += sent;
        } catch (java.net.PortUnreachableException e) {
          reported++;
          from++;
        }
      }
      ByteBuffer buf = ByteBuffer.allocateDirect(512);
      for (int i = 0; i < 200 && reported == 0; i++) { // the ICMP error arrives within microseconds
        try {
          u.receive(buf);
          Thread.sleep(10);
        } catch (java.net.PortUnreachableException e) {
          reported++;
        }
      }
      assertThat(reported).isPositive();
      u.close();
    }
  }

  /** Returns a loopback UDP address nothing listens on: a port just bound and released. */
  private static InetSocketAddress closedLoopbackPort() throws Exception {
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.ofLiteral("127.0.0.1"))) {
      return (InetSocketAddress) s.getLocalSocketAddress();
    }
  }

  private static long descriptors() throws Exception {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
