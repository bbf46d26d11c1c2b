package dev.netdb.dns;

import dev.netdb.dns.Poller.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A random-port UDP socket connected to one server that carries up to {@code udpMaxQueries}
 * queries of different exchanges, after c-ares's {@code ARES_OPT_UDP_MAX_QUERIES}; then the next
 * query to that server gets a fresh socket (a fresh random port), and this one is closed once its
 * last query has ended. Runs on the transport's I/O thread only.
 *
 * <p>Each query on the socket gets a random ID that no earlier query on it had, so a reply, even a
 * late one, maps to at most one exchange; the datagram is then checked exactly as on a socket of
 * its own (QR, ID and question, {@link Exchange}). Datagrams whose ID is not in flight are dropped.
 *
 * <p>What it trades away (RFC 5452 §9.2): with a fresh port per query an off-path attacker must
 * guess the port and the ID together for every query; here the port stays the same for up to
 * {@code udpMaxQueries} queries, so once it has been learnt (by a query it caused, or a lucky
 * guess) only the 16-bit ID protects the following ones. The window is bounded by the count.
 */
final class SharedUdpSocket implements Poller.Io {
  /** The most queries one socket may carry: one per distinct 16-bit ID. */
  static final int MAX_QUERIES = 65_536;

  final InetSocketAddress server;
  final UdpSocket socket;
  private final DnsTransport transport;
  private final int maxQueries;
  private final BitSet usedIds = new BitSet(65_536);
  private final Map<Integer, Exchange.UdpLeg> legs = new HashMap<>();
  private int assigned;
  private boolean retired;
  /** The tries whose queries wait to be sent at the end of this turn of the I/O thread. */
  private ArrayList<Exchange.UdpStep> outbox = new ArrayList<>();
  /** The list {@link #flush} sends from, swapped with {@link #outbox} so that a retry it causes queues anew. */
  private ArrayList<Exchange.UdpStep> sending = new ArrayList<>();
  /** Their queries, in the same order, for {@link Poller#send(UdpSocket, byte[][], int, int)}. */
  private byte[][] datagrams = new byte[16][];
  /** {@link #datagram}, made once: the receive loop's sink. */
  private final Poller.Datagrams sink = this::datagram;

  SharedUdpSocket(DnsTransport transport, InetSocketAddress server, UdpSocket socket, int maxQueries) {
    this.transport = transport;
    this.server = server;
    this.socket = socket;
    this.maxQueries = maxQueries;
  }

  /** Reports whether this socket has carried its share; no further query joins it. */
  boolean full() {
    return assigned >= maxQueries;
  }

  /**
   * Returns a leg of exchange {@code e} for server {@code ns} on this socket, with an ID drawn at
   * random among those this socket has not used and the exchange's query carrying it.
   */
  Exchange.UdpLeg attach(Exchange e, int ns) {
    int id;
    do {
      id = transport.ids.nextInt(0x10000);
    } while (usedIds.get(id));
    usedIds.set(id);
    assigned++;
    byte[] query = e.query.clone();
    query[0] = (byte) (id >> 8);
    query[1] = (byte) id;
    Exchange.UdpLeg leg = e.new UdpLeg(ns, server, socket, this, id, query);
    legs.put(id, leg);
    return leg;
  }

  /** Ends leg's place on this socket; the socket is retired when full and no query is left. */
  void detach(Exchange.UdpLeg leg) {
    legs.remove(leg.legId);
    if (full() && legs.isEmpty()) retire();
  }

  /** Takes the socket out of the poller for closing (shutdown, or its last query ended). */
  void retire() {
    if (retired) return;
    retired = true;
    transport.retire(socket);
  }

  /**
   * Queues the query of try {@code step} for {@link #flush}, at the end of this turn of the I/O
   * thread, so that a turn's queries leave in one system call ({@code sendmmsg}).
   */
  void queue(Exchange.UdpStep step) {
    if (outbox.isEmpty()) transport.sendLater(this);
    outbox.add(step);
  }

  /**
   * Sends the queued queries whose tries are still due, in the order they were queued. As a send
   * of its own would: a query the socket's full buffer refuses is not sent (its try times out),
   * and one whose send fails moves its exchange on ({@link Exchange.UdpStep#failed}).
   */
  void flush() {
    ArrayList<Exchange.UdpStep> batch = outbox;
    outbox = sending;
    sending = batch;
    int count = 0;
    for (Exchange.UdpStep step : batch) {
      if (step.due()) {
        if (count == datagrams.length) datagrams = java.util.Arrays.copyOf(datagrams, count * 2);
        batch.set(count, step);
        datagrams[count++] = step.datagram();
      }
    }
    for (int i = 0; i < count && !retired; ) {
      Exchange.UdpStep step = batch.get(i);
      try {
        int sent = transport.poller.send(socket, datagrams, i, count);
        i += Math.max(1, sent); // 0: the first would block and is not sent
      } catch (IOException e) {
        i++;
        try {
          step.failed(e); // may queue a retry on this socket: it goes into the fresh outbox
        } catch (RuntimeException ex) {
          transport.crashed(step.exchange(), ex);
        }
      }
    }
    batch.clear();
    java.util.Arrays.fill(datagrams, 0, count, null);
  }

  @Override
  public Exchange exchange() {
    return null; // shared: a failure is charged to the leg at hand (see ready)
  }

  @Override
  public void ready(int ops) {
    try {
      transport.poller.receive(socket, transport.receiveBuffer, sink);
    } catch (IOException e) {
      // An ICMP error (or another) on the socket: each query asked of this server now moves on.
      for (Exchange.UdpLeg leg : new ArrayList<>(legs.values())) {
        try {
          leg.failed(e);
        } catch (RuntimeException ex) {
          transport.crashed(leg.exchange(), ex);
        }
      }
    }
  }

  /** Hands one datagram to the leg its ID names, if any; false once the socket is retired. */
  private boolean datagram(java.nio.ByteBuffer buf) {
    if (retired) return false;
    if (buf.remaining() < 2) return true;
    int id = (buf.get(buf.position()) & 0xFF) << 8 | (buf.get(buf.position() + 1) & 0xFF);
    Exchange.UdpLeg leg = legs.get(id);
    if (leg == null) return true; // no query in flight with that ID: dropped
    byte[] data = new byte[buf.remaining()];
    buf.get(data);
    try {
      leg.datagram(data);
    } catch (RuntimeException ex) {
      transport.crashed(leg.exchange(), ex);
    }
    return !retired;
  }
}
