package dev.netdb.bench;

import dev.netdb.dns.DnsHeader;
import dev.netdb.dns.DnsMessage;
import dev.netdb.dns.DnsQuestion;
import dev.netdb.dns.DnsType;
import dev.netdb.dns.ResourceRecord;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cached-lookup benchmarks' DNS server: a UDP socket on 127.0.0.1 (nothing leaves loopback)
 * and a daemon thread answering one name with a one-day TTL, A {@code 192.0.2.10} and, when asked
 * for, AAAA {@code 2001:db8::10}; every other question and any malformed datagram is ignored, as
 * a server would. It counts the datagrams it receives, so a benchmark can show that its timed
 * calls were cache hits.
 */
final class LoopbackResponder implements AutoCloseable {
  private final String name;
  private final boolean aaaa;
  private final DatagramSocket socket;
  private final AtomicLong queries = new AtomicLong();
  private final Thread thread;

  private LoopbackResponder(String name, boolean aaaa) throws SocketException {
    this.name = name;
    this.aaaa = aaaa;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 0));
    this.thread = Thread.ofPlatform().daemon().name("bench-dns-responder").start(this::respond);
  }

  /** Starts a responder answering A queries for {@code name}. */
  static LoopbackResponder a(String name) throws SocketException {
    return new LoopbackResponder(name, false);
  }

  /** Starts a responder answering A and AAAA queries for {@code name}. */
  static LoopbackResponder aAndAaaa(String name) throws SocketException {
    return new LoopbackResponder(name, true);
  }

  /** Returns the address to give netdb as its nameserver. */
  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Returns how many datagrams arrived so far. */
  long queries() {
    return queries.get();
  }

  private void respond() {
    byte[] buf = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        queries.incrementAndGet();
        DnsMessage q = DnsMessage.decode(buf, 0, p.getLength());
        DnsQuestion question = q.questions().getFirst();
        if (!question.name().equalsIgnoreCase(name)) {
          continue;
        }
        ResourceRecord rr = switch (question.type()) {
          case DnsType.A -> new ResourceRecord.A(question.name(), 1, 86400,
              (Inet4Address) InetAddress.ofLiteral("192.0.2.10"));
          case DnsType.AAAA -> aaaa ? new ResourceRecord.Aaaa(question.name(), 1, 86400,
              (Inet6Address) InetAddress.ofLiteral("2001:db8::10")) : null;
          default -> null;
        };
        if (rr == null) {
          continue;
        }
        byte[] out = new DnsMessage(DnsHeader.of(q.header().id(), 0x8580), List.of(question),
            List.of(rr), List.of(), List.of()).encode();
        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
      } catch (SocketException e) {
        return; // closed
      } catch (Exception e) {
        // a malformed query: ignore it, as a server would
      }
    }
  }

  /** Closes the socket and waits up to 2 s for the thread to end. */
  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2_000);
  }
}
