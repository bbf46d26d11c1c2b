package dev.netdb.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Serves DNS on 127.0.0.1 over UDP and TCP on one port, for fault injection: a handler function
 * turns each request into an {@link Action}, and every request is logged. Test code only.
 */
final class FakeDnsServer implements AutoCloseable {
  /** One request as received. */
  record Request(boolean tcp, InetSocketAddress from, DnsMessage query) {}

  /** What the server does with a request. */
  sealed interface Action {}

  /** Sends these bytes back. */
  record Reply(byte[] wire) implements Action {}

  /** Sends nothing. */
  record Drop() implements Action {}

  /** Does {@code then} after a pause. */
  record Delayed(Duration pause, Action then) implements Action {}

  /** Sends these bytes from another UDP port of the same host. */
  record FromOtherPort(byte[] wire) implements Action {}

  /** Over TCP: writes the length prefix and only the first {@code bytes} bytes, then closes. */
  record CloseMidway(byte[] wire, int bytes) implements Action {}

  /** Does each action in turn. */
  record Many(List<Action> actions) implements Action {}

  /** Over TCP: writes exactly these bytes (no length prefix added), then closes. */
  record RawTcp(byte[] bytes) implements Action {}

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final DatagramSocket other;
  private final Function<Request, Action> handler;
  private final List<Request> log = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean open = true;

  private FakeDnsServer(DatagramSocket udp, ServerSocket tcp, Function<Request, Action> handler) throws IOException {
    this.udp = udp;
    this.tcp = tcp;
    this.other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.handler = handler;
    threads.add(Thread.ofPlatform().daemon().name("fake-dns-udp").start(this::serveUdp));
    threads.add(Thread.ofPlatform().daemon().name("fake-dns-tcp").start(this::serveTcp));
  }

  /** Starts a server on a free loopback port, the same for UDP and TCP. */
  static FakeDnsServer start(Function<Request, Action> handler) throws IOException {
    return start(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 0), handler);
  }

  /** Starts a server on {@code bind} (port 0: a free port, the same for UDP and TCP). */
  static FakeDnsServer start(InetSocketAddress bind, Function<Request, Action> handler) throws IOException {
    InetAddress lo = bind.getAddress();
    for (int tries = 0; ; tries++) {
      DatagramSocket u = new DatagramSocket(bind);
      try {
        ServerSocket t = new ServerSocket();
        t.setReuseAddress(true);
        t.bind(new InetSocketAddress(lo, u.getLocalPort()), 1024);
        return new FakeDnsServer(u, t, handler);
      } catch (IOException e) {
        u.close();
        if (tries > 20 || bind.getPort() != 0) throw e;
      }
    }
  }

  /** Returns the address both transports listen on. */
  InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  /** Returns every request so far, in arrival order. */
  List<Request> log() {
    return List.copyOf(log);
  }

  private void serveUdp() {
    byte[] buf = new byte[65535];
    while (open) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
        DnsMessage q = DnsMessage.decode(buf, 0, p.getLength());
        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
        Request r = new Request(false, from, q);
        log.add(r);
        perform(handler.apply(r), from);
      } catch (DnsFormatException e) {
        // not a query we can log; ignore it
      } catch (IOException e) {
        if (open) throw new IllegalStateException(e);
      }
    }
  }

  private void perform(Action a, InetSocketAddress to) {
    try {
      switch (a) {
        case Reply r -> udp.send(new DatagramPacket(r.wire(), r.wire().length, to));
        case FromOtherPort r -> other.send(new DatagramPacket(r.wire(), r.wire().length, to));
        case Drop d -> {}
        case Delayed d -> timer.schedule(() -> perform(d.then(), to), d.pause().toMillis(), TimeUnit.MILLISECONDS);
        case Many m -> m.actions().forEach(x -> perform(x, to));
        case CloseMidway c -> throw new IllegalArgumentException("CloseMidway is for TCP");
        case RawTcp c -> throw new IllegalArgumentException("RawTcp is for TCP");
      }
    } catch (IOException e) {
      // the client went away; nothing to do
    }
  }

  private void serveTcp() {
    while (open) {
      try {
        Socket s = tcp.accept();
        Thread.ofPlatform().daemon().name("fake-dns-tcp-conn").start(() -> serveConnection(s));
      } catch (IOException e) {
        if (open) throw new IllegalStateException(e);
      }
    }
  }

  private void serveConnection(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      while (true) {
        int hi = in.read();
        int lo = in.read();
        if (hi < 0 || lo < 0) return;
        byte[] msg = in.readNBytes(hi << 8 | lo);
        Request r = new Request(true, (InetSocketAddress) s.getRemoteSocketAddress(), DnsMessage.decode(msg));
        log.add(r);
        if (!performTcp(handler.apply(r), out)) return;
      }
    } catch (IOException | DnsFormatException e) {
      // connection ended or garbage query; drop the connection
    }
  }

  /** Returns whether the connection stays open. */
  private boolean performTcp(Action a, OutputStream out) throws IOException {
    switch (a) {
      case Reply r -> {
        out.write(new byte[] {(byte) (r.wire().length >> 8), (byte) r.wire().length});
        out.write(r.wire());
        out.flush();
        return true;
      }
      case CloseMidway c -> {
        out.write(new byte[] {(byte) (c.wire().length >> 8), (byte) c.wire().length});
        out.write(c.wire(), 0, c.bytes());
        out.flush();
        return false;
      }
      case RawTcp raw -> {
        out.write(raw.bytes());
        out.flush();
        return false;
      }
      case Drop d -> {
        return false;
      }
      case Delayed d -> {
        try {
          Thread.sleep(d.pause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        return performTcp(d.then(), out);
      }
      case Many m -> {
        for (Action x : m.actions()) {
          if (!performTcp(x, out)) return false;
        }
        return true;
      }
      case FromOtherPort f -> throw new IllegalArgumentException("FromOtherPort is for UDP");
    }
  }

  @Override
  public void close() {
    open = false;
    udp.close();
    other.close();
    try {
      tcp.close();
    } catch (SocketException e) {
      // already closed
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    timer.shutdownNow();
  }
}
