package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.Poller.UdpSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the socket pool's promises on both pollers: every socket handed out is new (never given
 * twice), open and bound, each on its own port while open; used sockets handed back are closed by
 * the time the pool is closed. No packet is sent.
 */
class UdpSocketPoolTest {
  @ParameterizedTest(name = "{0}, {1} sockets")
  @CsvSource({"nio, 1", "nio, 10", "nio, 300", "epoll, 1", "epoll, 10", "epoll, 300"})
  void handsOutEachNewConnectedSocketOnce(String kind, int count) throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9);
    InetSocketAddress other = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 7);
    List<UdpSocket> taken = new ArrayList<>();
    Map<UdpSocket, Boolean> seen = new IdentityHashMap<>();
    List<Integer> ports = new ArrayList<>();
    try (Poller poller = Pollers.open(kind); UdpSocketPool pool = new UdpSocketPool(poller)) {
      for (int i = 0; i < count; i++) {
        InetSocketAddress to = i % 3 == 2 ? other : server;
        UdpSocket ch = pool.take(to);
        assertThat(seen.put(ch, true)).as("socket %d handed out before", i).isNull();
        assertThat(ch.isOpen()).isTrue();
        if (ch instanceof NioPoller.Udp nio) {
          assertThat(nio.channel().isBlocking()).isFalse();
          assertThat(nio.channel().getRemoteAddress()).isEqualTo(to);
        }
        ports.add(ch.localPort());
        taken.add(ch);
      }
      assertThat(ports).doesNotHaveDuplicates().doesNotContain(0);
      pool.closeLater(new ArrayList<>(taken));
    }
    assertThat(taken).noneMatch(UdpSocket::isOpen);
  }
}
