package dev.netdb.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import dev.netdb.observe.TraceRecorder;

/**
 * Drives one question through the servers as glibc 2.36 {@code __res_context_send} does: {@code
 * attempts} rounds, each over every server starting at the rotation offset; SERVFAIL, NOTIMP and
 * REFUSED move on to the next server; TC moves to TCP with the same server, after which (as with
 * {@code use-vc}) glibc finishes the current round and stops. Runs only on the selector thread.
 */
final class Exchange {
  final DnsTransport transport;
  final DnsQuestion question;
  final ResolverConfig cfg;
  private static final System.Logger LOG = System.getLogger(Exchange.class.getName());
  final CompletableFuture<DnsOutcome> future = new CompletableFuture<>();
  private byte[] query;
  /** The question name in canonical presentation form, set by {@link #start()}. */
  private String canonicalName;
  private int id;
  private int nscount;
  private int offset;
  private int round;
  private int shift;
  private boolean tcpUsed;
  private DnsOutcome lastFailure = new DnsOutcome.Timeout();
  /** Where each send and its end are reported when the lookup is traced. */
  private final TraceRecorder recorder;

  Exchange(DnsTransport transport, DnsQuestion question, ResolverConfig cfg) {
    this(transport, question, cfg, TraceRecorder.OFF);
  }

  Exchange(DnsTransport transport, DnsQuestion question, ResolverConfig cfg, TraceRecorder recorder) {
    this.transport = transport;
    this.question = question;
    this.cfg = cfg;
    this.recorder = recorder;
  }

  void start() {
    DnsQuestion q;
    try {
      canonicalName = DnsName.canonical(question.name());
      q = new DnsQuestion(canonicalName, question.type(), question.dnsClass());
      id = transport.ids.nextInt(0x10000);
      int payload = cfg.edns0() ? ResolverConfig.EDNS_PAYLOAD : 0; // glibc: EDNS0 only with options edns0
      query = DnsMessage.query(id, q, payload, cfg.trustAd()).encode();
    } catch (DnsFormatException e) {
      future.complete(new DnsOutcome.Malformed("cannot encode the question: " + e.getMessage()));
      return;
    }
    nscount = cfg.nameservers().size();
    if (cfg.attempts() == 0) { // glibc: "attempts:0" makes res_send loop zero times
      future.complete(new DnsOutcome.Timeout());
      return;
    }
    offset = cfg.rotate() && nscount > 1 ? Math.floorMod(transport.rotation.getAndIncrement(), nscount) : 0;
    send(false);
  }

  private int serverIndex() {
    return (shift + offset) % nscount;
  }

  private void send(boolean tcp) {
    int ns = serverIndex();
    InetSocketAddress server = cfg.nameservers().get(ns);
    if (tcp || cfg.useVc()) {
      tcpUsed = true;
      new TcpStep(server, tcp).begin(cfg.timeout());
    } else {
      new UdpStep(server).begin(udpTimeout(cfg.timeout(), ns, nscount));
    }
  }

  /**
   * Returns the UDP wait for server {@code ns} of {@code nscount}: glibc {@code send_dg} waits
   * {@code retrans << ns} seconds, divided by the server count for {@code ns > 0}, at least 1 s. A
   * timeout that is not a whole number of seconds (tests) is treated alike in milliseconds.
   */
  static Duration udpTimeout(Duration timeout, int ns, int nscount) {
    long ms = timeout.toMillis() << ns;
    if (ns > 0) ms /= nscount;
    if (timeout.toMillis() % 1000 == 0) {
      ms = Math.max(1000, ms / 1000 * 1000);
    }
    return Duration.ofMillis(Math.max(1, ms));
  }

  /** Moves to the next server, or the next round, or gives up with the last failure. */
  private void next(DnsOutcome failure) {
    lastFailure = failure;
    if (++shift >= nscount) {
      shift = 0;
      if (++round >= cfg.attempts() || tcpUsed) {
        if (LOG.isLoggable(System.Logger.Level.INFO)) {
          LOG.log(System.Logger.Level.INFO, "no DNS server answered {0} {1} ({2} servers, {3} rounds): {4}",
              question.name(), DnsType.typeName(question.type()), nscount, round, lastFailure);
        }
        future.complete(lastFailure);
        return;
      }
    }
    send(false);
  }

  /** Acts on a reply that matched ID, source and question. */
  private void accept(DnsMessage reply, InetSocketAddress server, boolean overTcp) {
    int rcode = reply.header().rcode();
    if ((rcode == DnsType.SERVFAIL || rcode == DnsType.NOTIMP || rcode == DnsType.REFUSED)
        && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, "DNS server {0} answered {1} {2} with {3}; trying the next server, if any",
          QuerySteps.server(server), question.name(), DnsType.typeName(question.type()), QuerySteps.rcodeName(rcode));
    }
    if (rcode == DnsType.SERVFAIL) {
      next(new DnsOutcome.ServFail(server));
    } else if (rcode == DnsType.NOTIMP || rcode == DnsType.REFUSED) {
      next(new DnsOutcome.Refused(server, rcode));
    } else if (reply.header().truncated() && !overTcp) {
      if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
        LOG.log(System.Logger.Level.DEBUG, "DNS reply from {0} to {1} {2} is truncated (TC): asking again over TCP",
            QuerySteps.server(server), question.name(), DnsType.typeName(question.type()));
      }
      send(true); // RFC 1035 §4.2.1 / glibc same_ns: ask the same server over TCP
    } else if (rcode == DnsType.NXDOMAIN) {
      future.complete(new DnsOutcome.NxDomain(reply, server));
    } else if (rcode == DnsType.NOERROR) {
      future.complete(reply.answers().isEmpty()
          ? new DnsOutcome.NoData(reply, server)
          : new DnsOutcome.Answer(reply, server));
    } else {
      future.complete(new DnsOutcome.Refused(server, rcode)); // FORMERR etc.: final in glibc
    }
  }

  /**
   * Returns the reply if it answers this query (QR set, same ID, exactly our question ignoring
   * case), else null. A reply with TC whose records do not decode is judged by its header and
   * question alone.
   */
  private DnsMessage check(byte[] data, int len) {
    if (len < 12) return null;
    int replyId = (data[0] & 0xFF) << 8 | (data[1] & 0xFF);
    if (replyId != id || (data[2] & 0x80) == 0) return null;
    DnsMessage m;
    try {
      m = DnsMessage.decode(data, 0, len);
    } catch (DnsFormatException e) {
      if ((data[2] & 0x02) == 0) return null;
      try {
        m = DnsDecoder.decodeHeaderAndQuestions(data, 0, len);
      } catch (DnsFormatException e2) {
        return null;
      }
    }
    if (m.questions().size() != 1) return null;
    DnsQuestion q = m.questions().getFirst();
    return q.type() == question.type() && q.dnsClass() == question.dnsClass()
        && DnsName.equalsIgnoreCase(q.name(), canonicalName) ? m : null;
  }

  /** One send-and-wait to one server; ordered by deadline in the timer queue. */
  abstract class Step implements Comparable<Step> {
    final InetSocketAddress server;
    long deadline;
    boolean finished;
    SelectableChannel channel;
    final long started = System.nanoTime();
    /** This send's place in the trace (-1 when untraced). */
    final int slot = recorder.reserve();
    /** The {@code dev.netdb.DnsQuery} JFR event of this send, or null when off. */
    final Object jfr = dev.netdb.observe.Events.queryBegin();

    Step(InetSocketAddress server) {
      this.server = server;
    }

    /** Reports how this send ended to the trace: a reply, or null with {@code outcome}. */
    void report(String outcome, DnsMessage reply) {
      long elapsed = System.nanoTime() - started;
      transport.stats.record(server, outcome, elapsed);
      if (!"reply".equals(outcome) && LOG.isLoggable(System.Logger.Level.DEBUG)) {
        LOG.log(System.Logger.Level.DEBUG, "DNS server {0} gave no answer to {1} {2} over {3} ({4}"
            + " after {5} ms, round {6}); trying the next server, if any",
            QuerySteps.server(server), question.name(), DnsType.typeName(question.type()),
            this instanceof TcpStep ? "tcp" : "udp", outcome, elapsed / 1_000_000, round + 1);
      }
      if (recorder.on()) {
        recorder.fill(slot, QuerySteps.query(question, server, this instanceof TcpStep, round + 1,
            elapsed, outcome, reply));
      }
      if (jfr != null) {
        QuerySteps.event(jfr, question, server, this instanceof TcpStep, round + 1, outcome, reply);
      }
    }

    @Override
    public int compareTo(Step o) {
      return Long.compare(deadline - o.deadline, 0);
    }

    void arm(Duration timeout) {
      deadline = System.nanoTime() + timeout.toNanos();
      transport.schedule(this);
    }

    void finish() {
      finished = true;
      if (channel instanceof DatagramChannel udp) {
        transport.retire(udp); // closed off this thread once the selector has dropped it
        return;
      }
      try {
        if (channel != null) channel.close();
      } catch (IOException e) {
        // closing a socket we no longer need; nothing to do
      }
    }

    abstract void ready(SelectionKey key);

    abstract void timeout();

    void abort() {
      if (finished) return;
      finish();
      future.complete(new DnsOutcome.Timeout());
    }
  }

  final class UdpStep extends Step {
    UdpStep(InetSocketAddress server) {
      super(server);
    }

    void begin(Duration timeout) {
      try {
        // A new socket per try, used for this query only: the kernel picked a fresh random
        // ephemeral source port for it; it is connected to this server (see UdpSocketPool).
        DatagramChannel ch = transport.sockets.take(server);
        channel = ch;
        ch.write(ByteBuffer.wrap(query));
        ch.register(transport.selector, SelectionKey.OP_READ, this);
        arm(timeout);
      } catch (IOException e) {
        finish();
        next(lastFailure);
      }
    }

    @Override
    void ready(SelectionKey key) {
      if (finished) return;
      DatagramChannel ch = (DatagramChannel) channel;
      ByteBuffer buf = transport.receiveBuffer;
      try {
        while (true) {
          buf.clear();
          // The socket is connected, so Linux delivers to it only datagrams whose source address
          // and port are the server's (udp4_lib_lookup scoring; glibc res_ourserver_p checks the
          // same in user space); read() then needs no sender address.
          if (ch.read(buf) <= 0) return;
          buf.flip();
          byte[] data = new byte[buf.remaining()];
          buf.get(data);
          DnsMessage reply = check(data, data.length);
          if (reply == null) continue; // wrong ID, wrong question or garbage: keep waiting
          finish();
          report("reply", reply);
          accept(reply, server, false);
          return;
        }
      } catch (PortUnreachableException e) {
        finish();
        report("error", null);
        next(lastFailure); // glibc send_dg: ECONNREFUSED, try the next server
      } catch (IOException e) {
        finish();
        report("error", null);
        next(lastFailure);
      }
    }

    @Override
    void timeout() {
      finish();
      report("timeout", null);
      next(new DnsOutcome.Timeout());
    }
  }

  final class TcpStep extends Step {
    private final boolean afterTruncation;
    private ByteBuffer out;
    private final ByteBuffer lengthBuf = ByteBuffer.allocate(2);
    private ByteBuffer body;

    TcpStep(InetSocketAddress server, boolean afterTruncation) {
      super(server);
      this.afterTruncation = afterTruncation;
    }

    void begin(Duration timeout) {
      out = ByteBuffer.allocate(query.length + 2);
      out.putShort((short) query.length).put(query).flip();
      LoopbackOnly.check(server); // under the test run: loopback only
      try {
        SocketChannel ch = SocketChannel.open();
        channel = ch;
        ch.configureBlocking(false);
        boolean connected = ch.connect(server);
        ch.register(transport.selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
        arm(timeout); // glibc send_vc waits retrans seconds
      } catch (IOException e) {
        fail();
      }
    }

    private void fail() {
      finish();
      report("error", null);
      next(afterTruncation ? new DnsOutcome.Truncated(server) : new DnsOutcome.Timeout());
    }

    @Override
    void ready(SelectionKey key) {
      if (finished) return;
      SocketChannel ch = (SocketChannel) channel;
      try {
        if (key.isConnectable()) {
          ch.finishConnect();
          key.interestOps(SelectionKey.OP_WRITE);
          return;
        }
        if (key.isWritable()) {
          ch.write(out);
          if (!out.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
          return;
        }
        if (key.isReadable()) read(ch);
      } catch (IOException e) {
        fail();
      }
    }

    private void read(SocketChannel ch) throws IOException {
      while (true) {
        if (body == null) {
          if (ch.read(lengthBuf) < 0) {
            fail(); // closed before or between messages
            return;
          }
          if (lengthBuf.hasRemaining()) return;
          int len = (lengthBuf.get(0) & 0xFF) << 8 | (lengthBuf.get(1) & 0xFF);
          body = ByteBuffer.allocate(len);
        }
        if (ch.read(body) < 0) {
          fail(); // closed midway through a message
          return;
        }
        if (body.hasRemaining()) return;
        byte[] data = body.array();
        body = null;
        lengthBuf.clear();
        int replyId = data.length >= 2 ? (data[0] & 0xFF) << 8 | (data[1] & 0xFF) : -1;
        if (replyId != id) continue; // glibc send_vc: an old answer, read the next one
        DnsMessage reply = check(data, data.length);
        finish();
        report(reply == null ? "error" : "reply", reply);
        if (reply == null || reply.header().truncated() && reply.answers().isEmpty() && !decodes(data)) {
          next(new DnsOutcome.Malformed("TCP reply from " + server + " does not decode or match"));
        } else {
          accept(reply, server, true);
        }
        return;
      }
    }

    private boolean decodes(byte[] data) {
      try {
        DnsMessage.decode(data);
        return true;
      } catch (DnsFormatException e) {
        return false;
      }
    }

    @Override
    void timeout() {
      finish();
      report("timeout", null);
      next(afterTruncation ? new DnsOutcome.Truncated(server) : new DnsOutcome.Timeout());
    }
  }
}
