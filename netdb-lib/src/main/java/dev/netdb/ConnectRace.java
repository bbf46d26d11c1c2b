package dev.netdb;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs one connect by name on the {@link ConnectLoop}: the lookups, the attempts, their timers and
 * the outcome. All state is confined to the loop thread; lookups and the caller's cancellation
 * reach it through {@link ConnectLoop#execute}. Callers' code (attempt reports, the future's
 * dependents) runs on a {@link SerialExecutor}, in order.
 *
 * <p>Python's order (socket.py {@code create_connection}): one {@code getaddrinfo(host, port, 0,
 * SOCK_STREAM)}, then for each result {@code socket()}, {@code settimeout}, {@code bind}, {@code
 * connect}, the next starting only when the previous failed; a failure that is not an {@code
 * OSError} (an {@code OverflowError} from {@code bind}) ends the call at once.
 *
 * <p>Happy Eyeballs (RFC 8305): AAAA and A lookups in parallel (§3); attempts begin at the AAAA
 * answer, or at the A answer plus the resolution delay while AAAA is outstanding; destinations
 * interleaved by family (§4, {@link AddressQueue}); a new attempt every attempt delay, or at once
 * when the latest attempt fails (§5, as asyncio's {@code staggered_race}); the first connection
 * wins, and every other attempt is closed.
 */
final class ConnectRace {
  private final ConnectLoop loop;
  private final String input;
  private final ConnectOptions options;
  private final boolean happyEyeballs;
  private final long attemptDelayNanos;
  private final long timeoutNanos;
  private final AddressQueue queue;
  private final CompletableFuture<SocketChannel> result = new CompletableFuture<>();
  private final SerialExecutor events = new SerialExecutor();
  private final long t0 = System.nanoTime();
  private final List<Attempt> active = new ArrayList<>();
  private final List<NetDbException> errors = new ArrayList<>();
  private final List<CompletableFuture<?>> lookups = new ArrayList<>();
  private final Map<AddressFamily, Object> sources = new EnumMap<>(AddressFamily.class);
  private int pendingLookups;
  private int pendingSources;
  /** The families whose source address has been asked for. */
  private final Set<AddressFamily> sourcesAsked = EnumSet.noneOf(AddressFamily.class);
  /** The next destination, held back until its family's source address is known. */
  private SocketAddress parked;
  private NetDb db;
  private boolean aaaaPending;
  private NetDbException lookupError;
  private NetDbException aaaaError;
  private boolean started;
  private boolean waitingForAddresses;
  private boolean done;
  private boolean released;
  private Attempt lastStarted;
  private ConnectLoop.Timer delayTimer;
  private ConnectLoop.Timer resolutionTimer;

  private ConnectRace(ConnectLoop loop, String input, ConnectOptions options) {
    this.loop = loop;
    this.input = input;
    this.options = options;
    HappyEyeballsOptions he = options.happyEyeballs();
    this.happyEyeballs = he != null;
    this.attemptDelayNanos = he == null ? Long.MAX_VALUE : he.attemptDelay().toNanos();
    this.timeoutNanos = options.timeout() == null ? -1 : options.timeout().toNanos();
    this.queue = he == null
        ? AddressQueue.inOrder() : AddressQueue.interleaved(he.firstAddressFamilyCount());
  }

  /** Starts a connect to {@code host} and {@code port} (a number or a service name). */
  static CompletableFuture<SocketChannel> inet(
      NetDb db, String host, String port, ConnectOptions options) {
    ConnectRace race = begin(host + ":" + port, options);
    race.loop.execute(race.guarded(() -> race.lookUp(db, host, port)));
    return race.result;
  }

  /** Starts a connect to a local (AF_UNIX) socket. */
  static CompletableFuture<SocketChannel> unix(UnixDomainSocketAddress address,
      ConnectOptions options) {
    ConnectRace race = begin(address.toString(), options);
    race.loop.execute(race.guarded(() -> {
      race.queue.addAll(List.of(address));
      race.maybeStart();
    }));
    return race.result;
  }

  private static ConnectRace begin(String input, ConnectOptions options) {
    ConnectRace race = new ConnectRace(ConnectLoop.acquire(), input, options);
    race.result.whenComplete((v, t) -> {
      if (race.result.isCancelled()) {
        race.loop.execute(race.guarded(race::cancel));
      }
    });
    return race;
  }

  // ---- lookups ----

  private void lookUp(NetDb db, String host, String port) {
    this.db = db;
    int stream = SocketType.STREAM.value();
    if (!happyEyeballs) {
      pendingLookups = 1;
      track(db.getaddrinfoAsync(host, port, 0, stream, 0, 0)).whenComplete((r, t) ->
          loop.execute(guarded(() -> onAnswer(AddressFamily.UNSPEC, r, t))));
      return;
    }
    pendingLookups = 2;
    aaaaPending = true;
    for (AddressFamily f : List.of(AddressFamily.INET6, AddressFamily.INET)) {
      track(db.getaddrinfoAsync(host, port, f.value(), stream, 0, 0)).whenComplete((r, t) ->
          loop.execute(guarded(() -> onAnswer(f, r, t))));
    }
  }

  private <T> CompletableFuture<T> track(CompletableFuture<T> f) {
    lookups.add(f);
    return f;
  }

  /**
   * Reports whether {@code a} must wait for the source address of its family, starting that
   * lookup if it has not started. The source is looked up for a family only when the first
   * attempt of that family is about to start, as Python's {@code sock.bind(source_address)} does
   * it inside the loop (once per family here, where Python asks again per attempt), so that no
   * query goes out for a family no destination has.
   */
  private boolean awaitsSource(SocketAddress a) {
    if (options.sourceHost() == null || !(a instanceof InetSocketAddress)) {
      return false;
    }
    AddressFamily f = sourceFamily(familyOf(a));
    if (sources.containsKey(f)) {
      return false;
    }
    if (sourcesAsked.add(f)) {
      pendingSources++;
      track(BindAddress.resolveAsync(db, options.sourceHost(), f)).whenComplete((r, t) ->
          loop.execute(guarded(() -> onSource(f, r, t))));
    }
    return true;
  }

  private void onSource(AddressFamily f, InetAddress a, Throwable t) {
    if (done) {
      return;
    }
    pendingSources--;
    sources.put(f, t == null ? a : asNetDb(t));
    if (parked != null) {
      startNext();
    }
    checkFailed();
  }

  private void onAnswer(AddressFamily f, List<AddrInfo> answer, Throwable t) {
    if (done) {
      return;
    }
    pendingLookups--;
    if (f == AddressFamily.INET6) {
      aaaaPending = false;
    }
    if (t != null) {
      NetDbException e = asNetDb(t);
      if (!isOsError(e)) {
        fatal(e);
        return;
      }
      if (f == AddressFamily.INET6) {
        aaaaError = e;
      } else {
        lookupError = e;
      }
    } else {
      queue.addAll(answer.stream().map(AddrInfo::socketAddress).toList());
    }
    if (!started) {
      maybeStart();
    } else if (waitingForAddresses || active.isEmpty()) {
      startNext();
    }
    checkFailed();
  }

  // ---- attempts ----

  private void maybeStart() {
    if (done || started || queue.isEmpty()) {
      return;
    }
    if (aaaaPending) {
      // RFC 8305 §3: an A answer waits up to the resolution delay for AAAA.
      if (resolutionTimer == null) {
        resolutionTimer = loop.schedule(
            options.happyEyeballs().resolutionDelay().toNanos(), guarded(this::startAttempts));
      }
      return;
    }
    startAttempts();
  }

  private void startAttempts() {
    if (done || started) {
      return;
    }
    started = true;
    cancel(resolutionTimer);
    startNext();
  }

  private void startNext() {
    if (done) {
      return;
    }
    cancel(delayTimer);
    delayTimer = null;
    SocketAddress a = parked != null ? parked : queue.next();
    parked = null;
    if (a == null) {
      waitingForAddresses = true;
      checkFailed();
      return;
    }
    waitingForAddresses = false;
    if (awaitsSource(a)) {
      parked = a; // started by onSource once the family's source address is known
      return;
    }
    Attempt at = new Attempt(a);
    lastStarted = at;
    active.add(at);
    at.begin();
    if (!done && at == lastStarted && active.contains(at) && attemptDelayNanos != Long.MAX_VALUE) {
      delayTimer = loop.schedule(attemptDelayNanos, guarded(this::startNext));
    }
  }

  private void attemptFailed(Attempt at, NetDbException e) {
    active.remove(at);
    errors.add(e);
    report(at, ConnectAttempt.Outcome.FAILED, e);
    if (!done && at == lastStarted) {
      startNext();
    }
    checkFailed();
  }

  private void won(Attempt at) {
    done = true;
    active.remove(at);
    stopEverything();
    report(at, ConnectAttempt.Outcome.CONNECTED, null);
    if (at.key != null) {
      at.key.cancel();
      loop.afterNextSelect(guarded(() -> handOver(at)));
    } else {
      handOver(at);
    }
  }

  /** Gives the winner to the caller in blocking mode (its key is gone by now). */
  private void handOver(Attempt at) {
    SocketChannel ch = at.channel;
    try {
      ch.configureBlocking(true);
      if (timeoutNanos > 0 && !(at.address instanceof UnixDomainSocketAddress)) {
        // Python's socket keeps its timeout for later I/O; the JDK's equivalent is the read
        // timeout of the socket adaptor (AF_UNIX channels have no adaptor).
        ch.socket().setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
            timeoutNanos / 1_000_000)));
      }
    } catch (IOException e) {
      closeQuietly(ch);
      finish(null, OsErrors.of(e, input));
      return;
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
    finish(ch, null);
  }

  private void cancel() {
    if (done) {
      return;
    }
    done = true;
    stopEverything();
    release();
  }

  private void fatal(NetDbException e) {
    done = true;
    stopEverything();
    finish(null, e);
  }

  private void checkFailed() {
    if (done || !active.isEmpty() || !queue.isEmpty() || pendingLookups > 0
        || pendingSources > 0) {
      return;
    }
    done = true;
    stopEverything();
    finish(null, aggregate());
  }

  /** Cancels timers and lookups and closes every attempt still running. */
  private void stopEverything() {
    cancel(delayTimer);
    cancel(resolutionTimer);
    for (Attempt other : List.copyOf(active)) {
      other.close();
      report(other, ConnectAttempt.Outcome.CANCELLED, null);
    }
    active.clear();
    for (CompletableFuture<?> f : lookups) {
      f.cancel(false);
    }
  }

  private void finish(SocketChannel ch, NetDbException error) {
    release();
    events.execute(() -> {
      if (ch != null) {
        if (!result.complete(ch)) {
          closeQuietly(ch); // the caller cancelled meanwhile: no descriptor is left behind
        }
      } else {
        result.completeExceptionally(error);
      }
    });
  }

  private void release() {
    if (!released) {
      released = true;
      loop.release();
    }
  }

  private NetDbException aggregate() {
    return ConnectFailure.of(errors, lookupError, aaaaError, options.allErrors(), happyEyeballs,
        input);
  }

  private void report(Attempt at, ConnectAttempt.Outcome outcome, NetDbException e) {
    long now = System.nanoTime();
    var record = new ConnectAttempt(at.address, Duration.ofNanos(at.startNanos - t0),
        Duration.ofNanos(now - at.startNanos), outcome, e);
    var listener = options.onAttempt();
    events.execute(() -> listener.accept(record));
  }

  /**
   * Wraps a task of this race so that a defect in it fails this connect (with the defect's text
   * as an {@code OSError}, every socket closed) instead of leaving the caller waiting.
   */
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        if (!released) {
          done = true;
          stopEverything();
          finish(null, new SystemException("internal error: " + e, input));
        }
        throw e;
      }
    };
  }

  private static void cancel(ConnectLoop.Timer t) {
    if (t != null) {
      t.cancel();
    }
  }

  static boolean isOsError(NetDbException e) {
    return switch (e.kind()) {
      case GAIERROR, HERROR, OSERROR -> true;
      default -> false;
    };
  }

  private NetDbException asNetDb(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return c instanceof NetDbException e ? e : new SystemException(c.toString(), input);
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing more can be done with a socket that fails to close
    }
  }

  /** One socket and its connect: Python's loop body, {@code socket}, {@code bind}, {@code connect}. */
  private final class Attempt {
    final SocketAddress address;
    final long startNanos = System.nanoTime();
    final String label;
    SocketChannel channel;
    SelectionKey key;
    ConnectLoop.Timer timer;
    boolean finished;

    Attempt(SocketAddress address) {
      this.address = address;
      this.label = describe(address);
    }

    void begin() {
      try {
        ProtocolFamily family = familyOf(address);
        try {
          channel = SocketChannel.open(family);
        } catch (UnsupportedOperationException e) {
          fail(OsErrors.familyNotSupported(label));
          return;
        }
        channel.configureBlocking(false);
        if (options.sourceHost() != null && address instanceof InetSocketAddress) {
          bindSource(family);
        }
        if (channel.connect(address)) {
          finished = true;
          won(this);
          return;
        }
        if (timeoutNanos == 0) {
          fail(OsErrors.inProgress(label)); // settimeout(0): a non-blocking socket
          return;
        }
        Runnable ready = guarded(this::connectable);
        key = loop.register(channel, SelectionKey.OP_CONNECT, k -> ready.run());
        if (timeoutNanos > 0) {
          timer = loop.schedule(timeoutNanos,
              guarded(() -> fail(SystemException.timedOut(label))));
        }
      } catch (IOException e) {
        fail(OsErrors.of(e, label));
      } catch (NetDbException e) {
        if (isOsError(e)) {
          fail(e);
        } else {
          close();
          fatal(e);
        }
      }
    }

    private void bindSource(ProtocolFamily family) throws IOException {
      Object source = sources.get(sourceFamily(family));
      if (source instanceof NetDbException e) {
        throw e;
      }
      int port = options.sourcePort();
      if (port < 0 || port > 0xffff) {
        throw new OverflowException("bind(): port must be 0-65535.", Integer.toString(port));
      }
      channel.bind(new InetSocketAddress((InetAddress) source, port));
    }

    private void connectable() {
      if (finished) {
        return;
      }
      try {
        if (channel.finishConnect()) {
          finished = true;
          cancel(timer);
          won(this);
        }
      } catch (IOException e) {
        fail(OsErrors.of(e, label));
      }
    }

    void fail(NetDbException e) {
      if (finished) {
        return;
      }
      close();
      attemptFailed(this, e);
    }

    void close() {
      finished = true;
      cancel(timer);
      if (channel != null) {
        closeQuietly(channel);
      }
    }
  }

  /** Returns the family whose source address a socket of {@code family} binds. */
  private static AddressFamily sourceFamily(ProtocolFamily family) {
    return family == StandardProtocolFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET;
  }

  private static ProtocolFamily familyOf(SocketAddress a) {
    if (a instanceof UnixDomainSocketAddress) {
      return StandardProtocolFamily.UNIX;
    }
    return ((InetSocketAddress) a).getAddress() instanceof Inet6Address
        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  /** Returns {@code 127.0.0.1:80}, {@code [::1]:80} or the path, with inet_ntop's text. */
  static String describe(SocketAddress a) {
    if (a instanceof InetSocketAddress i) {
      byte[] b = i.getAddress().getAddress();
      String host = Inet.ntop(b.length == 4 ? AddressFamily.INET : AddressFamily.INET6, b);
      if (b.length == 16 && i.getAddress() instanceof Inet6Address v6 && v6.getScopeId() != 0) {
        host += "%" + v6.getScopeId();
      }
      return (b.length == 4 ? host : "[" + host + "]") + ":" + i.getPort();
    }
    return a.toString();
  }
}
