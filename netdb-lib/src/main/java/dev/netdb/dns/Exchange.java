package dev.netdb.dns;

import dev.netdb.dns.Poller.TcpSocket;
import dev.netdb.dns.Poller.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.time.Duration;
import dev.netdb.observe.TraceRecorder;
import java.util.concurrent.CompletableFuture;

/**
 * Drives one question through the servers as glibc 2.36 {@code __res_context_send} does: {@code
 * attempts} rounds, each over every server starting at the rotation offset; SERVFAIL, NOTIMP and
 * REFUSED move on to the next server; TC moves to TCP with the same server, after which (as with
 * {@code use-vc}) glibc finishes the current round and stops. Runs only on the selector thread.
 *
 * <p>Sockets, as glibc's {@code send_dg} keeps them: one query ID for the whole exchange, and one
 * UDP socket per server, opened (on a fresh random port, see {@link UdpSocketPool}) the first time
 * that server is asked and kept until the exchange ends, so a retry to the same server goes out on
 * the same port with the same ID, and a reply to an earlier try that arrives late is still taken.
 * Every socket of the exchange is closed as soon as it ends. An exchange holds at most {@link
 * #sockets()} sockets at once; the transport admits exchanges by that count.
 *
 * <p>With {@code udpMaxQueries} set (see {@link SharedUdpSocket}), a server's socket is shared by
 * up to that many exchanges, and each exchange's query on it carries an ID of its own, unique on
 * that socket; retries to that server still go out on the same socket with the same ID.
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger(Exchange.class.getName());
  final DnsTransport transport;
  final DnsQuestion question;
  final ResolverConfig cfg;
  final CompletableFuture<DnsOutcome> future = new CompletableFuture<>();
  byte[] query;
  /** The question name in canonical presentation form, set by {@link #start()}. */
  private String canonicalName;
  int id;
  private final int nscount;
  private int offset;
  private int round;
  private int shift;
  private boolean tcpUsed;
  private DnsOutcome lastFailure = new DnsOutcome.Timeout();
  /** The UDP socket of each server index, opened when that server is first asked. */
  private final UdpLeg[] legs;
  /** The try being waited for, or null between tries. */
  private Step current;
  private boolean done;
  /** Where each send and its end are reported when the lookup is traced. */
  private final TraceRecorder recorder;
  private final long created = System.nanoTime();

  Exchange(DnsTransport transport, DnsQuestion question, ResolverConfig cfg) {
    this(transport, question, cfg, TraceRecorder.OFF);
  }

  Exchange(DnsTransport transport, DnsQuestion question, ResolverConfig cfg, TraceRecorder recorder) {
    this.transport = transport;
    this.question = question;
    this.cfg = cfg;
    this.recorder = recorder;
    this.nscount = cfg.nameservers().size();
    this.legs = new UdpLeg[nscount];
  }

  /**
   * Returns the most sockets this exchange holds at once: one per server, since a TCP try replaces
   * the UDP socket of its server (glibc's {@code send_dg} closes its sockets on TC too).
   */
  int sockets() {
    return Math.max(1, nscount);
  }

  boolean done() {
    return done;
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
      complete(new DnsOutcome.Malformed("cannot encode the question: " + e.getMessage()));
      return;
    }
    if (cfg.attempts() == 0) { // glibc: "attempts:0" makes res_send loop zero times
      complete(new DnsOutcome.Timeout());
      return;
    }
    offset = cfg.rotate() && nscount > 1 ? Math.floorMod(transport.rotation.getAndIncrement(), nscount) : 0;
    send(false);
  }

  /**
   * Ends the exchange with {@code outcome}, once: closes every socket it holds, frees its place in
   * the transport, then completes the future.
   */
  void complete(DnsOutcome outcome) {
    if (done) return;
    done = true;
    endTry();
    for (UdpLeg leg : legs) {
      if (leg != null) transport.release(leg);
    }
    transport.finished(this);
    future.complete(outcome);
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
      new UdpStep(ns, server).begin(udpTimeout(cfg.timeout(), ns, nscount));
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
    endTry();
    lastFailure = failure;
    if (++shift >= nscount) {
      shift = 0;
      if (++round >= cfg.attempts() || tcpUsed) {
        // DEBUG, not INFO: the caller gets TRY_AGAIN already, and the CLI's stderr stays getent's.
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
          LOG.log(System.Logger.Level.DEBUG, "no DNS server answered {0} {1} ({2} servers, {3} rounds): {4}",
              question.name(), DnsType.typeName(question.type()), nscount, round, lastFailure);
        }
        complete(lastFailure);
        return;
      }
    }
    send(false);
  }

  private void endTry() {
    if (current != null) {
      current.finish();
      current = null;
    }
  }

  /** Acts on a reply that matched ID, source and question. */
  private void accept(DnsDecoder.Reply decoded, InetSocketAddress server, boolean overTcp) {
    DnsMessage reply = decoded.message();
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
      endTry();
      int ns = serverIndex();
      if (legs[ns] != null) {
        transport.release(legs[ns]); // the TCP socket takes its place
        legs[ns] = null;
      }
      send(true); // RFC 1035 §4.2.1 / glibc same_ns: ask the same server over TCP
    } else if (rcode == DnsType.NXDOMAIN) {
      complete(new DnsOutcome.NxDomain(reply, server));
    } else if (rcode == DnsType.NOERROR) {
      // glibc __res_context_query: ANCOUNT 0 is NO_DATA before anything is parsed; otherwise
      // getanswer_r reads the answer section and fails with NO_RECOVERY where it cannot.
      if (decoded.answerCount() == 0) {
        complete(new DnsOutcome.NoData(reply, server));
      } else if (decoded.answerError() != null) {
        complete(new DnsOutcome.Malformed("answer from " + server + ": " + decoded.answerError()));
      } else {
        // Records of types not decoded here (TXT for an A question) are not in the list, but
        // they were answers: getanswer_r finds nothing of the asked type, NO_RECOVERY (Chain).
        complete(new DnsOutcome.Answer(reply, server));
      }
    } else {
      complete(new DnsOutcome.Refused(server, rcode)); // FORMERR, 6-15: final in glibc
    }
  }

  /**
   * Returns the reply if it answers this query (QR set, same ID, exactly our question ignoring
   * case), else null: glibc's {@code send_dg} checks the same ({@code res_queriesmatch}) and
   * ignores a datagram that fails, as it ignores one whose header or question does not decode.
   */
  private DnsDecoder.Reply check(byte[] data, int len, int expectedId) {
    if (len < 12) return null;
    int replyId = (data[0] & 0xFF) << 8 | (data[1] & 0xFF);
    if (replyId != expectedId || (data[2] & 0x80) == 0) return null;
    DnsDecoder.Reply r;
    try {
      r = DnsDecoder.decodeReply(data, 0, len);
    } catch (DnsFormatException e) {
      return null;
    }
    DnsMessage m = r.message();
    if (m.questions().size() != 1) return null;
    DnsQuestion q = m.questions().getFirst();
    return q.type() == question.type() && q.dnsClass() == question.dnsClass()
        && DnsName.equalsIgnoreCase(q.name(), canonicalName) ? r : null;
  }

  /**
   * Fails this exchange with Timeout ({@code TRY_AGAIN}): for an unexpected error on the selector
   * thread (the caller logs it), or as the transport shuts down.
   */
  void abort() {
    complete(new DnsOutcome.Timeout());
  }

  /**
   * The UDP socket kept for one server for the whole exchange, with the ID and the query bytes sent
   * on it: the exchange's own, or, on a {@link SharedUdpSocket}, an ID unique on that socket.
   */
  final class UdpLeg implements Poller.Io {
    final int ns;
    final InetSocketAddress server;
    final UdpSocket socket;
    /** The shared socket this leg rides on, or null for a socket of its own. */
    final SharedUdpSocket shared;
    final int legId;
    final byte[] legQuery;

    UdpLeg(int ns, InetSocketAddress server, UdpSocket socket, SharedUdpSocket shared, int legId, byte[] legQuery) {
      this.ns = ns;
      this.server = server;
      this.socket = socket;
      this.shared = shared;
      this.legId = legId;
      this.legQuery = legQuery;
    }

    @Override
    public Exchange exchange() {
      return Exchange.this;
    }

    @Override
    public void ready(int ops) {
      if (done) return;
      ByteBuffer buf = transport.receiveBuffer;
      try {
        // The socket is connected, so Linux delivers to it only datagrams whose source address
        // and port are the server's (udp4_lib_lookup scoring; glibc res_ourserver_p checks the
        // same in user space); a receive then needs no sender address.
        while (!done && socket.receive(buf) > 0) {
          byte[] data = new byte[buf.remaining()];
          buf.get(data);
          if (datagram(data)) return;
        }
      } catch (IOException e) {
        failed(e);
      }
    }

    /**
     * Acts on one datagram read from this leg's socket; returns true when it ended the wait (a
     * matching reply), false when it was ignored.
     */
    boolean datagram(byte[] data) {
      if (done) return false;
      DnsDecoder.Reply reply = check(data, data.length, legId);
      if (reply == null) return false; // wrong ID, wrong question or garbage: keep waiting
      // A reply to any try of this exchange counts, even one that arrives late on the socket
      // of a server asked before (glibc keeps the socket and the ID across tries, and reads
      // that socket again when it returns to the server). One that would only move on to the
      // next server (SERVFAIL, REFUSED, TC) counts only from the server asked now.
      boolean now = current instanceof UdpStep s && s.ns == ns;
      int rcode = reply.message().header().rcode();
      if (!now && (rcode == DnsType.SERVFAIL || rcode == DnsType.NOTIMP || rcode == DnsType.REFUSED
          || reply.message().header().truncated())) {
        return false;
      }
      if (now) {
        current.report("reply", reply.message());
      } else {
        lateReply(server, reply.message());
      }
      accept(reply, server, false);
      return true;
    }

    /**
     * Acts on a receive error: ICMP port unreachable ({@link PortUnreachableException}, glibc
     * {@code send_dg}'s ECONNREFUSED) or another, both of which move on to the next server when
     * this server is the one asked now; an old try's socket just stays quiet.
     */
    void failed(IOException e) {
      if (!done && current instanceof UdpStep s && s.ns == ns) {
        s.report("error", null);
        next(lastFailure);
      }
    }
  }

  /**
   * Reports a reply that came on the socket of a server asked before, after its try was given up
   * (counted and traced as its own {@code late-reply}, timed from the exchange's start).
   */
  private void lateReply(InetSocketAddress server, DnsMessage reply) {
    long elapsed = System.nanoTime() - created;
    transport.stats.record(server, "reply", elapsed);
    if (recorder.on()) {
      recorder.add(QuerySteps.query(question, server, false, round + 1, elapsed, "late-reply", reply));
    }
  }

  /** One send-and-wait to one server; ordered by deadline in the timer queue. */
  abstract class Step implements Comparable<Step> {
    final InetSocketAddress server;
    long deadline;
    boolean finished;
    final long started = System.nanoTime();
    /** This send's place in the trace (-1 when untraced). */
    final int slot = recorder.reserve();
    /** The {@code dev.netdb.DnsQuery} JFR event of this send, or null when off. */
    final Object jfr = dev.netdb.observe.Events.queryBegin();
    private boolean reported;

    Step(InetSocketAddress server) {
      this.server = server;
    }

    /**
     * Reports, once, how this send ended ({@code reply}, {@code timeout} or {@code error}) to the
     * per-server counts, the log, the trace and the JFR event; {@code reply} null without one.
     */
    void report(String outcome, DnsMessage reply) {
      if (reported) return;
      reported = true;
      boolean tcp = this instanceof TcpStep;
      long elapsed = System.nanoTime() - started;
      transport.stats.record(server, outcome, elapsed);
      if (!"reply".equals(outcome) && LOG.isLoggable(System.Logger.Level.DEBUG)) {
        LOG.log(System.Logger.Level.DEBUG, "DNS server {0} gave no answer to {1} {2} over {3} ({4}"
            + " after {5} ms, round {6}); trying the next server, if any",
            QuerySteps.server(server), question.name(), DnsType.typeName(question.type()),
            tcp ? "tcp" : "udp", outcome, elapsed / 1_000_000, round + 1);
      }
      if (recorder.on()) {
        recorder.fill(slot, QuerySteps.query(question, server, tcp, round + 1, elapsed, outcome, reply));
      }
      if (jfr != null) {
        QuerySteps.event(jfr, question, server, tcp, round + 1, outcome, reply);
      }
    }

    Exchange exchange() {
      return Exchange.this;
    }

    @Override
    public int compareTo(Step o) {
      return Long.compare(deadline - o.deadline, 0);
    }

    void arm(Duration timeout) {
      current = this;
      deadline = System.nanoTime() + timeout.toNanos();
      transport.schedule(this);
    }

    /** Ends this try; the timer entry is dropped when it comes up. */
    void finish() {
      finished = true;
    }

    abstract void timeout();
  }

  final class UdpStep extends Step {
    final int ns;

    UdpStep(int ns, InetSocketAddress server) {
      super(server);
      this.ns = ns;
    }

    void begin(Duration timeout) {
      UdpLeg leg = legs[ns];
      try {
        if (leg == null) {
          // A new socket for this query and this server: the kernel picked a fresh random
          // ephemeral source port for it; it is connected to this server (see UdpSocketPool).
          // With udpMaxQueries, a socket shared with at most that many queries (SharedUdpSocket).
          leg = transport.openLeg(Exchange.this, ns, server);
          legs[ns] = leg;
        }
        arm(timeout);
        if (leg.shared != null) {
          leg.shared.queue(this); // sent with the turn's other queries on that socket
        } else {
          leg.socket.send(leg.legQuery);
        }
      } catch (IOException e) {
        failed(e);
      }
    }

    /** Returns the bytes this try sends: its leg's query. */
    byte[] datagram() {
      return legs[ns].legQuery;
    }

    /** Reports whether this try is still the exchange's current one, so its send is still due. */
    boolean due() {
      return !done && current == this;
    }

    /** Moves on after the socket could not be had or the send failed. */
    void failed(IOException e) {
      report("error", null);
      if (outOfDescriptors(e)) return;
      next(lastFailure);
    }

    @Override
    void timeout() {
      current = null;
      report("timeout", null);
      next(new DnsOutcome.Timeout());
    }
  }

  /**
   * Ends the exchange with {@link DnsOutcome.OutOfDescriptors} if {@code e} says the process or the
   * system has no descriptor left (glibc: {@code socket} fails, {@code res_send} returns at once).
   */
  private boolean outOfDescriptors(IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Too many open files in system")) {
      complete(new DnsOutcome.OutOfDescriptors(23, "Too many open files in system"));
      return true;
    }
    if (m.contains("Too many open files")) {
      complete(new DnsOutcome.OutOfDescriptors(24, "Too many open files"));
      return true;
    }
    return false;
  }

  final class TcpStep extends Step implements Poller.Io {
    private final boolean afterTruncation;
    private ByteBuffer out;
    private final ByteBuffer lengthBuf = ByteBuffer.allocate(2);
    private ByteBuffer body;
    private TcpSocket channel;

    TcpStep(InetSocketAddress server, boolean afterTruncation) {
      super(server);
      this.afterTruncation = afterTruncation;
    }

    @Override
    public Exchange exchange() {
      return Exchange.this;
    }

    void begin(Duration timeout) {
      out = ByteBuffer.allocate(query.length + 2);
      out.putShort((short) query.length).put(query).flip();
      LoopbackOnly.check(server); // under the test run: loopback only
      try {
        TcpSocket ch = transport.poller.openTcp(server);
        channel = ch;
        transport.poller.register(ch, ch.connected() ? Poller.WRITE : Poller.CONNECT, this);
        arm(timeout); // glibc send_vc waits retrans seconds
      } catch (IOException e) {
        report("error", null);
        if (channel == null && outOfDescriptors(e)) return;
        current = this;
        fail(false); // connection refused and the like: ECONNREFUSED in glibc
      }
    }

    @Override
    void finish() {
      super.finish();
      if (channel != null) {
        transport.closeTcp(channel);
        channel = null;
      }
    }

    /** Moves on after a failed TCP try; {@code broken}: the connection broke mid-reply. */
    private void fail(boolean broken) {
      report("error", null); // nothing if the timeout was reported
      DnsOutcome o = !afterTruncation ? new DnsOutcome.Timeout()
          : broken ? new DnsOutcome.StreamBroken(server)
          : new DnsOutcome.Truncated(server);
      next(o);
    }

    @Override
    public void ready(int ops) {
      if (finished) return;
      TcpSocket ch = channel;
      try {
        if ((ops & Poller.CONNECT) != 0) {
          ch.finishConnect();
          transport.poller.interest(ch, Poller.WRITE);
          return;
        }
        if ((ops & Poller.WRITE) != 0) {
          ch.write(out);
          if (!out.hasRemaining()) transport.poller.interest(ch, Poller.READ);
          return;
        }
        if ((ops & Poller.READ) != 0) read(ch);
      } catch (IOException e) {
        // Refused while connecting: ECONNREFUSED; reset after the query was written: broken.
        fail(out != null && !out.hasRemaining());
      }
    }

    private void read(TcpSocket ch) throws IOException {
      while (true) {
        if (body == null) {
          if (ch.read(lengthBuf) < 0) {
            fail(true); // closed before or between messages, or inside the length prefix
            return;
          }
          if (lengthBuf.hasRemaining()) return;
          int len = (lengthBuf.get(0) & 0xFF) << 8 | (lengthBuf.get(1) & 0xFF);
          body = ByteBuffer.allocate(len);
        }
        if (ch.read(body) < 0) {
          fail(true); // closed midway through a message
          return;
        }
        if (body.hasRemaining()) return;
        byte[] data = body.array();
        body = null;
        lengthBuf.clear();
        int replyId = data.length >= 2 ? (data[0] & 0xFF) << 8 | (data[1] & 0xFF) : -1;
        if (replyId != id) continue; // glibc send_vc: an old answer, read the next one
        DnsDecoder.Reply reply = check(data, data.length, id);
        report(reply == null ? "error" : "reply", reply == null ? null : reply.message());
        if (reply == null) {
          // Stricter than glibc, whose send_vc checks only the ID: a TCP reply must also carry
          // our question (README, "Stricter than glibc").
          next(new DnsOutcome.Malformed("TCP reply from " + server + " does not decode or match"));
        } else {
          accept(reply, server, true);
        }
        return;
      }
    }

    @Override
    void timeout() {
      current = null;
      finished = true;
      finish();
      report("timeout", null);
      fail(false);
    }
  }
}
