package dev.netdb.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import dev.netdb.observe.TraceRecorder;

/**
 * Resolves names through DNS as glibc's stub resolver does, asynchronously: one selector thread
 * drives every socket, so thousands of queries can be in flight without a thread each.
 *
 * <p>Each query uses a fresh UDP socket per server (so a fresh random source port chosen by the
 * kernel), kept for the retries to that server, and one random 16-bit ID, as glibc's {@code
 * send_dg} keeps them, so a late answer to an earlier try is still taken; a reply counts only when it comes from the server asked (address and port)
 * and carries the same ID and question (name compared ignoring ASCII case), otherwise it is ignored
 * and the wait goes on until the timeout. A reply with TC is asked again over TCP from the same
 * server; {@code use-vc} means TCP only. Servers are tried as glibc {@code res_send} tries them:
 * {@code attempts} rounds, each over every server in order, starting one further on each query
 * with {@code rotate}; SERVFAIL, NOTIMP and REFUSED move to the next server.
 *
 * <p>Sockets in flight are capped (see {@link #create(Supplier, DnsCache, int)}); lookups beyond
 * the cap wait their turn in submission order, none is dropped.
 *
 * <p>The settings are read from the supplier at the start of each lookup, so a re-read resolv.conf
 * takes effect for new lookups. Futures never complete exceptionally for DNS failures: those are
 * {@link DnsOutcome} or {@link DnsHostResult.Failed} values.
 *
 * <p><b>Threads.</b> The selector thread ({@code netdb-dns-io}) and the socket pool's thread
 * ({@code netdb-dns-sockets}) run only I/O. Each exchange's outcome is handed to the client's
 * executor, so everything that depends on it (the CNAME chain, the search list, the caller's
 * stages) runs there and may block (with the default {@link CallbackExecutor}, the outcomes of
 * one turn of the I/O thread go to one virtual thread, with another started when a stage blocks:
 * {@link OutcomeHandoff}); a future that is already complete (a cache hit) runs its
 * dependents on the thread that adds them.
 */
public final class DnsClient implements AutoCloseable {
  private final Supplier<ResolverConfig> config;
  private final DnsCache cache;
  private final DnsTransport transport;
  private final Executor executor;
  private volatile boolean closed;

  private DnsClient(Supplier<ResolverConfig> config, DnsCache cache, DnsTransport transport, Executor executor) {
    this.config = config;
    this.cache = cache;
    this.transport = transport;
    this.executor = executor;
  }

  /**
   * Creates a client that completes its futures on {@link CallbackExecutor}; its threads start now
   * and stop on {@link #close()}.
   *
   * @param config the settings, read at the start of each lookup (see {@link ResolvConfParser#watch})
   * @param cache the answer cache; {@link DnsCache#disabled()} for none
   */
  public static DnsClient create(Supplier<ResolverConfig> config, DnsCache cache) throws IOException {
    return create(config, cache, CallbackExecutor.get(), 0);
  }

  /**
   * Creates a client that completes its futures on {@code executor}, which must run tasks on
   * threads of its own (never inline: that would put them back on the selector thread), and holds
   * at most {@code maxSocketsInFlight} sockets at once; lookups beyond that wait in a FIFO queue,
   * and their timeouts start when their queries are sent.
   *
   * @param maxSocketsInFlight the cap, or 0 for the default derived from the descriptor limit
   *     ({@code (RLIMIT_NOFILE - 128) / 2}, between 16 and 4096: 448 under {@code ulimit -n 1024})
   */
  public static DnsClient create(
      Supplier<ResolverConfig> config, DnsCache cache, Executor executor, int maxSocketsInFlight)
      throws IOException {
    return create(config, cache, executor, maxSocketsInFlight, 0);
  }

  /**
   * Creates a client as {@link #create(Supplier, DnsCache, Executor, int)} does that, with {@code
   * udpMaxQueries} above 1, sends up to that many queries on each random-port UDP socket before
   * replacing it (c-ares {@code ARES_OPT_UDP_MAX_QUERIES}; see {@link SharedUdpSocket} for what
   * that trades away); 0 or 1 gives every query a fresh socket.
   */
  public static DnsClient create(Supplier<ResolverConfig> config, DnsCache cache, Executor executor,
      int maxSocketsInFlight, int udpMaxQueries) throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(executor, "executor");
    if (maxSocketsInFlight < 0) throw new IllegalArgumentException("maxSocketsInFlight < 0: " + maxSocketsInFlight);
    int cap = maxSocketsInFlight == 0 ? SocketBudget.defaultMaxSockets() : maxSocketsInFlight;
    DnsTransport transport = DnsTransport.start(cap, udpMaxQueries, executor);
    return new DnsClient(config, cache, transport, transport.callbacks());
  }

  /** Returns the transport's poller, {@code epoll} or {@code nio} (tests check the choice). */
  String transportName() {
    return transport.pollerName();
  }

  /**
   * Asks one question of the configured servers (no search list), through the cache; identical
   * questions in flight share one exchange.
   */
  public CompletableFuture<DnsOutcome> query(DnsQuestion question) {
    return cache.get(question, () -> exchange(question));
  }

  /** {@link #query(DnsQuestion)}, reporting the cache look-up and each send to {@code recorder}. */
  CompletableFuture<DnsOutcome> query(DnsQuestion question, TraceRecorder recorder) {
    if (!recorder.on()) {
      boolean[] sent = new boolean[1];
      CompletableFuture<DnsOutcome> f = queryAged(question, sent); // as the untraced lookupHost asks
      // A noting recorder (JFR): no cache hit. An exchange of its own counts even when it has
      // already ended (loopback can answer before this line runs); joining one counts unless done.
      if (sent[0] || !f.isDone()) {
        recorder.waitedForDns();
      }
      return f;
    }
    long remaining = cache.remainingNanos(question);
    if (remaining < 0) {
      recorder.waitedForDns();
    }
    recorder.add(QuerySteps.cache(question, remaining));
    boolean[] sent = new boolean[1];
    int slot = recorder.reserve();
    long joinedAt = System.nanoTime();
    CompletableFuture<DnsOutcome> f = cache.get(question, () -> {
      sent[0] = true;
      return exchange(question, recorder);
    });
    if (remaining < 0 && !sent[0]) {
      // Neither a hit nor a send of ours: an identical exchange of another lookup was in flight.
      // The step is filled before this lookup goes on (the returned stage depends on it).
      return f.whenComplete((outcome, error) ->
          recorder.fill(slot, QuerySteps.joined(question, outcome, System.nanoTime() - joinedAt)));
    }
    return f;
  }

  /**
   * Asks one question of the configured servers, bypassing the cache; the future completes on the
   * executor. After {@link #close()} it fails at once with a closed {@link LookupFailure}.
   * Under the test run a server that is not loopback fails it with {@link LoopbackOnly}'s error.
   */
  public CompletableFuture<DnsOutcome> exchange(DnsQuestion question) {
    return exchange(question, TraceRecorder.OFF);
  }

  private CompletableFuture<DnsOutcome> exchange(DnsQuestion question, TraceRecorder recorder) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    ResolverConfig cfg = config.get();
    try {
      cfg.nameservers().forEach(LoopbackOnly::check);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    // The transport completes its future on the selector thread; nothing may run there.
    return transport.exchange(question, cfg, recorder).thenApplyAsync(outcome -> outcome, executor);
  }

  /**
   * Looks up the addresses of a host name as glibc's {@code _nss_dns_gethostbyname4_r} (for
   * {@code UNSPEC}) or {@code gethostbyname3_r} (for {@code INET}/{@code INET6}) does: search list
   * and ndots as {@code res_search}, A and AAAA in parallel (in sequence with {@code
   * single-request}; no AAAA with {@code no-aaaa}), CNAME chain as {@code getanswer_r}.
   *
   * @param name the ASCII (IDNA-encoded) name as the caller gave it, trailing dot allowed
   * @param family {@code AF_INET} (2) for A only, {@code AF_INET6} (10) for AAAA only, any other
   *     ({@code AF_UNSPEC}) for both
   */
  public CompletableFuture<DnsHostResult> lookupHost(String name, int family) {
    return new HostQuery(config.get(), this::queryAged).lookup(name, family);
  }

  /**
   * Asks as {@link #query} does, but a cached outcome comes with its TTLs lowered by its age
   * (rounded up to the second), so that what is built from it, such as the answer cache's entries,
   * lives no longer than the records allow.
   */
  private CompletableFuture<DnsOutcome> queryAged(DnsQuestion question) {
    return queryAged(question, new boolean[1]);
  }

  /** {@link #queryAged(DnsQuestion)}, setting {@code sent[0]} when it starts an exchange of its own. */
  private CompletableFuture<DnsOutcome> queryAged(DnsQuestion question, boolean[] sent) {
    long[] age = new long[1];
    CompletableFuture<DnsOutcome> f = cache.get(question, () -> {
      sent[0] = true;
      return exchange(question);
    }, a -> age[0] = a);
    long seconds = (age[0] + 999_999_999L) / 1_000_000_000L;
    return seconds == 0 ? f : f.thenApply(o -> DnsCache.aged(o, seconds));
  }

  /**
   * {@link #lookupHost(String, int)}, reporting each cache look-up, each send and the
   * CNAME chains to {@code recorder}.
   *
   * @param recorder the lookup's trace; {@link TraceRecorder#OFF} for none
   */
  public CompletableFuture<DnsHostResult> lookupHost(String name, int family, TraceRecorder recorder) {
    if (recorder == TraceRecorder.OFF) {
      return lookupHost(name, family);
    }
    return new HostQuery(config.get(), q -> query(q, recorder), recorder).lookup(name, family);
  }

  /**
   * Returns the configuration step of a trace: the settings a lookup starting now would use.
   *
   * @param files the configuration files by role
   */
  public static dev.netdb.trace.TraceStep.Config configStep(ResolverConfig cfg, java.util.Map<String, String> files) {
    return QuerySteps.config(cfg, files);
  }

  /**
   * Looks up the name of an address with a PTR query under {@code in-addr.arpa} or {@code
   * ip6.arpa}, as glibc's {@code _nss_dns_gethostbyaddr2_r} does (no search list).
   */
  public CompletableFuture<DnsHostResult> lookupAddress(InetAddress address) {
    return new HostQuery(config.get(), this::query).reverse(address);
  }

  /** Returns the counts of the queries this client sent, per server. */
  public dev.netdb.observe.QueryStats queryStats() {
    return transport.stats;
  }

  /** Returns {@code address:port} of a server, IPv6 in brackets, as traces and figures name it. */
  public static String describe(java.net.InetSocketAddress server) {
    return QuerySteps.server(server);
  }

  /** Returns the cache this client uses. */
  public DnsCache cache() {
    return cache;
  }

  /** Returns the most sockets this client holds at once. */
  public int maxSocketsInFlight() {
    return transport.maxSockets();
  }

  /**
   * Stops the selector and socket-pool threads (waiting for them) and closes every socket; pending
   * exchanges complete with {@link DnsOutcome.Timeout}, later ones fail with {@link
   * LookupFailure#closed()}. Closing twice is harmless.
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    transport.close();
  }
}
