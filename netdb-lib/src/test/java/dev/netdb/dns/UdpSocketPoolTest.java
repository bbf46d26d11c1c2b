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
 * Checks the socket pool's promises on both pollers: every socket handed out is open and bound,
 * each on its own port while open, and given to one holder at a time; a socket handed back comes
 * out again only on epoll, moved to a port again; used sockets handed back are closed by the time
 * the pool is closed. No packet is sent.
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({"nio", "epoll"})
  void aSocketHandedBackComesOutAgainOnlyOnAFreshPortOrNotAtAll(String kind) throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9);
    Map<UdpSocket, Integer> returnedAt = new IdentityHashMap<>();
    int recycled = 0;
    List<UdpSocket> held = new ArrayList<>();
    try (Poller poller = Pollers.open(kind); UdpSocketPool pool = new UdpSocketPool(poller, 8)) {
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 16; i++) {
          UdpSocket ch = pool.take(server);
          assertThat(ch.isOpen()).isTrue();
          assertThat(held).doesNotContain(ch);
          Integer before = returnedAt.remove(ch);
          if (before != null) {
            recycled++;
            assertThat(ch.localPort()).as("a reused socket is on a port again").isPositive();
          }
          held.add(ch);
        }
        assertThat(held.stream().map(this::port).toList()).as("ports held at once").doesNotHaveDuplicates();
        for (UdpSocket ch : held) returnedAt.put(ch, port(ch));
        pool.closeLater(new ArrayList<>(held));
        held.clear();
        for (int i = 0; i < 200 && pool.closing() > 0; i++) Thread.sleep(5);
      }
    }
    assertThat(returnedAt.keySet()).noneMatch(UdpSocket::isOpen);
    if (kind.equals("epoll")) {
      assertThat(recycled).as("used sockets moved to fresh ports and pooled again").isPositive();
    } else {
      assertThat(recycled).as("NIO sockets are never reused").isZero();
    }
  }

  private int port(UdpSocket ch) {
    try {
      return ch.localPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
