package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the socket pool's promises: every socket handed out is new (never given twice), open,
 * non-blocking and connected to the server asked for, each on its own port while open; used
 * sockets handed back are closed by the time the pool is closed. No packet is sent.
 */
class UdpSocketPoolTest {
  @ParameterizedTest(name = "{0} sockets")
  @ValueSource(ints = {1, 10, 300})
  void handsOutEachNewConnectedSocketOnce(int count) throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9);
    InetSocketAddress other = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 7);
    List<DatagramChannel> taken = new ArrayList<>();
    Map<DatagramChannel, Boolean> seen = new IdentityHashMap<>();
    List<Integer> ports = new ArrayList<>();
    try (UdpSocketPool pool = new UdpSocketPool()) {
      for (int i = 0; i < count; i++) {
        InetSocketAddress to = i % 3 == 2 ? other : server;
        DatagramChannel ch = pool.take(to);
        assertThat(seen.put(ch, true)).as("socket %d handed out before", i).isNull();
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.isBlocking()).isFalse();
        assertThat(ch.getRemoteAddress()).isEqualTo(to);
        ports.add(((InetSocketAddress) ch.getLocalAddress()).getPort());
        taken.add(ch);
      }
      assertThat(ports).doesNotHaveDuplicates();
      pool.closeLater(new ArrayList<>(taken));
    }
    assertThat(taken).noneMatch(DatagramChannel::isOpen);
  }
}
