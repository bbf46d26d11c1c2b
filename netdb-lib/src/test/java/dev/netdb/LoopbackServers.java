package dev.netdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback endpoints for connect tests, all on one port so that one name can lead to each family:
 * a listener that accepts (and closes) every connection, a silent one, and a closed port (RST).
 *
 * <p>Silence without a namespace: a listener with backlog 1 whose accept queue is kept full. Linux
 * drops a SYN for a listener whose accept queue is full ({@code tcp_conn_request}: {@code
 * sk_acceptq_is_full} → drop), so further connects hang in SYN-SENT, as towards a host that never
 * answers, until their timeout.
 */
final class LoopbackServers implements AutoCloseable {
  /** Something this instance closes. */
  private interface Resource {
    void close() throws IOException;
  }

  private final List<Resource> resources = new ArrayList<>();
  private final int port;

  private LoopbackServers(int port) {
    this.port = port;
  }

  /** Returns a port bindable on both 127.0.0.1 and ::1, with nothing bound there yet. */
  static LoopbackServers onFreePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocketChannel v4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
          ServerSocketChannel v6 = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
        v4.bind(new InetSocketAddress("127.0.0.1", 0));
        int p = ((InetSocketAddress) v4.getLocalAddress()).getPort();
        try {
          v6.bind(new InetSocketAddress("::1", p));
          return new LoopbackServers(p);
        } catch (IOException e) {
          // taken on ::1: try another
        }
      }
    }
    throw new IOException("no port free on both 127.0.0.1 and ::1");
  }

  int port() {
    return port;
  }

  /** Starts a listener on {@code host} that accepts every connection and closes it. */
  LoopbackServers accepting(String host) throws IOException {
    ServerSocketChannel s = open(host, 512);
    Thread t = Thread.ofPlatform().daemon().name("accept-" + host).start(() -> {
      while (s.isOpen()) {
        try {
          s.accept().close();
        } catch (IOException e) {
          return;
        }
      }
    });
    resources.add(t::interrupt);
    return this;
  }

  /** Starts a listener on {@code host} that never completes a handshake (a full accept queue). */
  LoopbackServers silent(String host) throws IOException {
    ServerSocketChannel s = open(host, 1);
    for (int i = 0; i < 3; i++) {
      SocketChannel c = SocketChannel.open();
      c.configureBlocking(false);
      c.connect(s.getLocalAddress());
      resources.add(c::close);
    }
    try {
      Thread.sleep(50); // the two queued handshakes complete at once on loopback
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  private ServerSocketChannel open(String host, int backlog) throws IOException {
    InetAddress a = InetAddress.getByName(host); // a literal: no lookup
    ServerSocketChannel s = ServerSocketChannel.open(
        a.getAddress().length == 4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
    s.bind(new InetSocketAddress(a, port), backlog);
    resources.add(0, s::close);
    return s;
  }

  @Override
  public void close() throws IOException {
    for (Resource c : resources) {
      c.close();
    }
  }
}
