package dev.netdb.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * The portable {@link Poller}: a {@link Selector} over {@link DatagramChannel}s and {@link
 * SocketChannel}s. Used where native access is off, off Linux, or with {@code
 * -Dnetdb.dns.transport=nio}. The JDK adds to each socket's life a {@code getsockname} after
 * {@code bind}/{@code connect}, two {@code fcntl}s, and epoll registration and removal.
 */
final class NioPoller implements Poller {
  private final Selector selector;

  NioPoller() throws IOException {
    this.selector = Selector.open();
  }

  @Override
  public String name() {
    return "nio";
  }

  /**
   * Returns false: the JDK's {@code DatagramChannel.disconnect} binds the channel to its old port
   * again, so a NIO socket cannot move to a fresh port; it is closed and a new one opened.
   */
  @Override
  public boolean reconnect(UdpSocket socket, InetSocketAddress server) {
    return false;
  }

  record Udp(DatagramChannel channel) implements UdpSocket {
    @Override
    public int send(byte[] datagram) throws IOException {
      return channel.write(ByteBuffer.wrap(datagram));
    }

    @Override
    public int receive(ByteBuffer buf) throws IOException {
      buf.clear();
      int n = channel.read(buf);
      buf.flip();
      return n;
    }

    @Override
    public int localPort() throws IOException {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to report for a DNS socket
      }
    }
  }

  record Tcp(SocketChannel channel, boolean connected) implements TcpSocket {
    @Override
    public void finishConnect() throws IOException {
      channel.finishConnect();
    }

    @Override
    public void write(ByteBuffer buf) throws IOException {
      channel.write(buf);
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      return channel.read(buf);
    }
  }

  @Override
  public UdpSocket openUdp(InetSocketAddress server) throws IOException {
    LoopbackOnly.check(server); // under the test run: loopback only
    DatagramChannel ch = DatagramChannel.open(server.getAddress() instanceof Inet6Address
        ? StandardProtocolFamily.INET6
        : StandardProtocolFamily.INET);
    try {
      ch.configureBlocking(false);
      ch.connect(server); // like glibc send_dg: only this server's datagrams, ICMP errors reported
      return new Udp(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public TcpSocket openTcp(InetSocketAddress server) throws IOException {
    LoopbackOnly.check(server); // under the test run: loopback only
    SocketChannel ch = SocketChannel.open();
    try {
      ch.configureBlocking(false);
      return new Tcp(ch, ch.connect(server));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void register(UdpSocket socket, Io io) throws IOException {
    ((Udp) socket).channel.register(selector, SelectionKey.OP_READ, io);
  }

  @Override
  public void register(TcpSocket socket, int ops, Io io) throws IOException {
    ((Tcp) socket).channel.register(selector, ops, io); // Poller's ops are SelectionKey's
  }

  @Override
  public void interest(TcpSocket socket, int ops) {
    SelectionKey key = ((Tcp) socket).channel.keyFor(selector);
    if (key != null) key.interestOps(ops);
  }

  @Override
  public void cancel(UdpSocket socket) {
    // The key is cancelled now; the next select drops it from epoll, then the socket can close.
    SelectionKey key = ((Udp) socket).channel.keyFor(selector);
    if (key != null) key.cancel();
  }

  @Override
  public void closeTcp(TcpSocket socket) {
    // The selector drops it, and the kernel the descriptor, at the next select.
    try {
      ((Tcp) socket).channel.close();
    } catch (IOException e) {
      // nothing to report for a DNS socket
    }
  }

  @Override
  public void select(long timeoutMillis, Ready ready) throws IOException {
    if (timeoutMillis < 0) selector.selectNow(); else selector.select(timeoutMillis);
    for (SelectionKey key : selector.selectedKeys()) {
      if (key.isValid()) ready.on((Io) key.attachment(), key.readyOps());
    }
    selector.selectedKeys().clear();
  }

  @Override
  public void wakeup() {
    selector.wakeup();
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // nothing left to report
    }
  }
}
