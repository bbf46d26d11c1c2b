package dev.netdb.resolve;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.AddrinfoResult;
import dev.netdb.backend.Backend.Expiring;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.dns.LookupFailure;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.resolve.Getaddrinfo.Request;
import dev.netdb.text.IpLiterals;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Caches whole {@code getaddrinfo} answers in front of the {@link Getaddrinfo} pipeline, keyed by
 * every argument of the call after glibc's normalisation (host as spelled, service, family,
 * socket type, protocol, flags: each changes the answer). glibc has no such cache (nscd is one);
 * while an entry is fresh it changes only timing, never an answer.
 *
 * <p><b>Lifetimes.</b>
 *
 * <ul>
 *   <li>An answer that needed DNS lives for the smallest TTL of the records used (as much of it as
 *       was left when the answer was built), clamped to [{@code minTtl}, {@code maxTtl}].
 *   <li>{@code EAI_NONAME} from NXDOMAIN and {@code EAI_NODATA} live for the smallest negative TTL
 *       of the names tried (RFC 2308 §5: min of the SOA's TTL and MINIMUM), clamped to [0, {@code
 *       maxNegativeTtl}]; without an SOA they are not kept (RFC 2308 §5). Failures (SERVFAIL,
 *       timeouts, REFUSED, malformed replies) are never kept.
 *   <li>An answer found without DNS (hosts file, or an argument error such as {@code EAI_SERVICE})
 *       lives until a check of the watched files (hosts, host.conf, gai.conf, resolv.conf) sees one
 *       change, at most {@code maxTtl}. Files are checked at most once per {@code fileCheck}
 *       interval; zero checks them on every call, as glibc does.
 *   <li>Numeric hosts and the null host are answered by the pipeline without the cache: they cost
 *       less than an entry.
 * </ul>
 *
 * Left out: the interface addresses and source addresses of the sort and {@code AI_ADDRCONFIG}
 * are those of when the entry was filled; services and protocols changes are seen when an entry
 * expires.
 *
 * <p><b>Stale on failure (RFC 8767).</b> With a {@code stale} window above zero, an expired DNS
 * answer whose refresh ends in {@code EAI_AGAIN} (every server failed or timed out) is served for
 * up to that long past its expiry (§4, "max stale timer"). After such a failure the stale answer
 * is served without asking again for 30 s (§4, "failure recheck timer", its suggested value); and
 * when a refresh takes longer than the {@code clientResponse} timer (§5 suggests 1.8 s) the caller
 * gets the stale answer while the refresh goes on. An NXDOMAIN or NODATA answer replaces the stale
 * one: RFC 8767 serves stale only when the authorities cannot be reached.
 *
 * <p><b>Refresh ahead.</b> When on, a hit in the last tenth of a DNS entry's lifetime starts one
 * refresh on the executor (no thread of its own) and returns the entry unchanged.
 *
 * <p>At most {@code maxEntries} entries are kept; when full, entries past their stale window go
 * first, then those not hit since the last sweep (CLOCK, as {@code DnsCache}), then any. Identical
 * calls in flight share one run of the pipeline. Time is the injected monotonic clock. Safe for
 * concurrent use.
 */
public final class AnswerCache implements dev.netdb.observe.CacheStats.Source {
  /**
   * Logs each entry's first stale answer (INFO: every server failed and an old answer stood in;
   * once per entry, not per call, so a long outage logs one line per name). Created on first use.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(AnswerCache.class.getName());
  }

  /** RFC 8767 §4's suggested failure recheck timer. */
  static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * The settings of the cache.
   *
   * @param maxEntries the most entries kept (at least 1)
   * @param minTtl the floor of DNS answers' lifetimes
   * @param maxTtl the ceiling of every lifetime
   * @param maxNegativeTtl the ceiling of negative answers' lifetimes
   * @param stale how long past expiry an answer may be served on failure; zero: never
   * @param clientResponse how long a caller waits for a refresh before a stale answer; zero: for
   *     the whole refresh
   * @param refreshAhead whether hits in the last tenth of a lifetime refresh the entry
   * @param fileCheck how long a check of the watched files is trusted; zero: every call
   */
  public record Options(
      int maxEntries,
      Duration minTtl,
      Duration maxTtl,
      Duration maxNegativeTtl,
      Duration stale,
      Duration clientResponse,
      boolean refreshAhead,
      Duration fileCheck) {
    /** Checks the bounds. */
    public Options {
      if (maxEntries < 1 || minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0 || maxNegativeTtl.isNegative()
          || stale.isNegative() || clientResponse.isNegative() || fileCheck.isNegative()) {
        throw new IllegalArgumentException("bad answer cache options");
      }
    }
  }

  private enum Kind {
    FILES("files"), DNS("dns"), NEGATIVE("negative");

    /** The name a trace gives it ({@code TraceStep.CachedAnswer#kind()}). */
    final String traced;

    Kind(String traced) {
      this.traced = traced;
    }
  }

  private final Environment env;
  private final Options options;
  private final LongSupplier nanos;
  private final List<Supplier<?>> watched;
  private final Executor executor;
  private final long minTtl;
  private final long maxTtl;
  private final long maxNegativeTtl;
  private final long stale;
  private final long clientResponse;
  private final long fileCheck;
  private final ConcurrentHashMap<Request, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Request, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder staleServed = new LongAdder();
  private final LongAdder refreshes = new LongAdder();
  private volatile Object[] snapshot;
  private volatile long generation;
  private volatile long checkedAt;
  /**
   * When the next check of the watched files may happen: the last check plus {@code fileCheck};
   * {@link Expiring#NO_REUSE} before the first check and when every call checks.
   */
  private volatile long checkDue = Expiring.NO_REUSE;

  /**
   * Creates the cache.
   *
   * @param env the pipeline's environment
   * @param options the limits and switches
   * @param nanos the monotonic clock
   * @param watched the files whose change ends every entry (each supplier returns the same object
   *     until its file changes)
   * @param executor where refreshes ahead run and stale answers after the client-response timer
   *     are delivered
   */
  public AnswerCache(Environment env, Options options, LongSupplier nanos, List<Supplier<?>> watched, Executor executor) {
    this.env = Objects.requireNonNull(env);
    this.options = Objects.requireNonNull(options);
    this.nanos = Objects.requireNonNull(nanos);
    this.watched = List.copyOf(watched);
    this.executor = Objects.requireNonNull(executor);
    this.minTtl = options.minTtl().toNanos();
    this.maxTtl = options.maxTtl().toNanos();
    this.maxNegativeTtl = options.maxNegativeTtl().toNanos();
    this.stale = options.stale().toNanos();
    this.clientResponse = options.clientResponse().toNanos();
    this.fileCheck = options.fileCheck().toNanos();
  }

  /** Returns the settings. */
  public Options options() {
    return options;
  }

  /**
   * Answers a call from the cache or the pipeline; the future fails with the pipeline's {@link
   * LookupFailure}. A hit is an already-completed future.
   */
  public CompletableFuture<AddrinfoResult> answer(Request request) {
    // The untraced hit path, kept apart from the traced one: as short as it was before traces, so
    // that the JIT inlines it whole and the request key does not escape (JfrOffBench, -prof gc).
    long now = nanos.getAsLong();
    Entry e = fresh(request, now);
    if (e != null) {
      return e.answer();
    }
    if (bypass(request)) {
      return new Getaddrinfo(env).run(request).thenApply(AnswerCache::result);
    }
    return slow(request, now, TraceRecorder.OFF).thenCompose(Entry::answer);
  }

  /**
   * Answers as {@link #answer(Request)} does, reporting the cache's verdict (hit, miss, expired,
   * stale, joined) and the pipeline's steps to {@code recorder}.
   */
  public CompletableFuture<AddrinfoResult> answer(Request request, TraceRecorder recorder) {
    long now = nanos.getAsLong();
    Entry e = fresh(request, now);
    if (e != null) {
      recorder.answerCache(request.host(), "hit", e.kind.traced, e.expiresAt - now, 0);
      return e.answer();
    }
    if (bypass(request)) {
      return new Getaddrinfo(env).run(request, recorder).thenApply(AnswerCache::result);
    }
    return slow(request, now, recorder).thenCompose(Entry::answer);
  }

  /**
   * Answers as {@link #answer} does, with how long the answer holds: the rest of its entry's
   * lifetime; 0 when it was not kept or is stale; {@link Long#MAX_VALUE} for a numeric host.
   */
  public CompletableFuture<Expiring> timed(Request request) {
    long now = nanos.getAsLong();
    Entry e = fresh(request, now);
    if (e != null) {
      return e.timed(now, fileCheck);
    }
    if (bypass(request)) {
      return new Getaddrinfo(env).run(request).thenApply(a -> new Expiring(a.entries(), Long.MAX_VALUE, null));
    }
    return slow(request, now, TraceRecorder.OFF).thenCompose(x -> x.timed(nanos.getAsLong(), fileCheck));
  }

  /**
   * Answers as {@link #timed} does when a fresh entry holds an answer (counted as a hit, refreshed
   * ahead when due), on this thread and without a future: the hit path of the Java face. Returns
   * null, counting nothing, when there is no fresh entry or it holds an error (negative answers
   * take {@link #timed}, which copies the kept {@code gaierror}).
   *
   * <p>The answer's {@link Expiring#reuseUntil()} says until when a caller may answer this call
   * again with it without asking (a front cache, counting its hits with {@link #countHit()}): the
   * earliest of the entry's expiry, the start of its refresh-ahead window (the last tenth of its
   * lifetime, when refresh ahead is on) and the next check of the watched files (none while every
   * call checks them). Until then this cache would answer every call with this very entry.
   */
  public Expiring hit(Request request) {
    Entry e = entries.get(request);
    if (e == null || e.future.isCompletedExceptionally()) {
      return null;
    }
    // Read before the generation check: no check can see a file change before this moment, so an
    // entry of the generation found fresh below stays the answer until then (see generation()).
    long due = watched.isEmpty() ? Long.MAX_VALUE : checkDue;
    long now = nanos.getAsLong();
    if (fresh(request, e, now) == null) {
      return null;
    }
    if (due == Expiring.NO_REUSE) {
      return e.expiring(now, fileCheck);
    }
    long until = Math.min(due, e.expiresAt);
    if (options.refreshAhead() && e.kind == Kind.DNS) {
      until = Math.min(until, e.refreshFrom());
    }
    return e.expiring(now, fileCheck, until - now > 0 ? until : Expiring.NO_REUSE);
  }

  /** Counts a hit answered for this cache by a front cache from a {@link #hit} answer it reused. */
  public void countHit() {
    hits.increment();
  }

  /** Returns the fresh entry for a call, starting a refresh ahead when one is due; else null. */
  private Entry fresh(Request request, long now) {
    return fresh(request, entries.get(request), now);
  }

  /** Returns {@code e} if it is fresh (counting a hit, starting a refresh ahead when due), else null. */
  private Entry fresh(Request request, Entry e, long now) {
    if (e == null || e.generation != generation(now)) {
      return null;
    }
    long left = e.expiresAt - now;
    if (left <= 0) {
      return null;
    }
    hits.increment();
    if (!e.referenced) {
      e.referenced = true;
    }
    if (options.refreshAhead() && e.kind == Kind.DNS && now >= e.refreshFrom()
        && e.refreshing.compareAndSet(false, true)) {
      refreshAhead(request);
    }
    return e;
  }

  /** Starts one refresh of {@code request} on the executor; it replaces the entry when it ends. */
  private void refreshAhead(Request request) {
    refreshes.increment();
    try {
      executor.execute(() -> fill(request, nanos.getAsLong(), TraceRecorder.OFF));
    } catch (RejectedExecutionException ignored) {
      // the entry simply expires
    }
  }

  /** The slow path: a miss, an expired entry, or a stale one. */
  private CompletableFuture<Entry> slow(Request request, long now, TraceRecorder recorder) {
    misses.increment();
    Entry old = entries.get(request);
    boolean staleable = old != null && old.kind == Kind.DNS && stale > 0 && old.generation == generation(now)
        && now - old.expiresAt < stale;
    if (!staleable) {
      recorder.answerCache(request.host(), "miss", "", 0, 0);
      return fill(request, now, recorder);
    }
    if (now - old.failedAt < RECHECK_NANOS && old.failedAt != 0) {
      served(request, old, now, recorder);
      return CompletableFuture.completedFuture(old.asStale());
    }
    recorder.answerCache(request.host(), "expired", old.kind.traced, 0, now - old.expiresAt);
    CompletableFuture<Entry> refresh = fill(request, now, recorder);
    CompletableFuture<Entry> caller = refresh.handle((fresh, error) -> {
      if (error != null && isTryAgain(error)) {
        long at = nanos.getAsLong();
        old.failedAt = at | 1; // never 0
        served(request, old, at, recorder);
        return old.asStale();
      }
      if (error != null) {
        throw error instanceof CompletionException c ? c : new CompletionException(error);
      }
      return fresh;
    });
    if (clientResponse > 0 && !caller.isDone()) {
      CompletableFuture<Entry> timed = new CompletableFuture<>();
      caller.whenComplete((v, x) -> {
        if (x != null) {
          timed.completeExceptionally(x);
        } else {
          timed.complete(v);
        }
      });
      Executor later = CompletableFuture.delayedExecutor(clientResponse, TimeUnit.NANOSECONDS, executor);
      later.execute(() -> {
        if (timed.complete(old.asStale())) {
          served(request, old, nanos.getAsLong(), recorder);
        }
      });
      return timed;
    }
    return caller;
  }

  /**
   * Counts a stale answer served from {@code old}, reports it to the trace, and logs it the first
   * time this entry is served stale.
   */
  private void served(Request request, Entry old, long now, TraceRecorder recorder) {
    staleServed.increment();
    recorder.answerCache(request.host(), "stale", old.kind.traced, 0, now - old.expiresAt);
    if (old.staleLogged.compareAndSet(false, true) && Log.LOG.isLoggable(System.Logger.Level.INFO)) {
      Log.LOG.log(System.Logger.Level.INFO,
          "serving a stale answer for {0} (expired {1} ms ago): every DNS server failed or timed out"
              + " (RFC 8767; stale window {2} s)",
          request.host(), TimeUnit.NANOSECONDS.toMillis(now - old.expiresAt),
          TimeUnit.NANOSECONDS.toSeconds(stale));
    }
  }

  private static boolean isTryAgain(Throwable error) {
    Throwable t = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
    return isGai(t) && Objects.equals(((LookupFailure) t).code(), dev.netdb.dns.Eai.AGAIN.code());
  }

  /** Reports whether {@code t} is a {@code getaddrinfo} failure ({@code socket.gaierror}). */
  private static boolean isGai(Throwable t) {
    return t instanceof LookupFailure f && f.kind() == LookupFailure.Kind.GAI;
  }

  /**
   * Runs the pipeline for {@code request} (or joins the run in flight), and keeps what it learns.
   * The future completes with the entry; a failure that is not kept fails it.
   */
  private CompletableFuture<Entry> fill(Request request, long now, TraceRecorder recorder) {
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> running = inFlight.putIfAbsent(request, mine);
    if (running != null) {
      recorder.answerCache(request.host(), "joined", "", 0, 0);
      return running;
    }
    long gen = generation(now);
    Recorder rec = new Recorder(env.dns());
    CompletableFuture<AddrinfoResult> run;
    try {
      run = new Getaddrinfo(withDns(env, rec)).run(request, recorder).thenApply(AnswerCache::result);
    } catch (RuntimeException ex) {
      run = CompletableFuture.failedFuture(ex);
    }
    run.whenComplete((answer, error) -> {
      Entry e = null;
      Throwable failure = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
      try {
        e = entry(rec, gen, answer, failure);
      } finally {
        inFlight.remove(request, mine);
      }
      if (e != null) {
        if (e.expiresAt - e.storedAt > 0) {
          store(request, e);
        }
        mine.complete(e);
      } else {
        Entry old = entries.get(request);
        if (old != null) {
          old.refreshing.set(false);
        }
        mine.completeExceptionally(failure);
      }
    });
    return mine;
  }

  /** Returns the entry for a finished run (lifetime 0: not to be kept), or null for a failure to pass on. */
  private Entry entry(Recorder rec, long gen, AddrinfoResult answer, Throwable failure) {
    long now = nanos.getAsLong();
    if (failure != null && !isGai(failure)) {
      return null; // closed, or a bug: never kept
    }
    long life;
    Kind kind;
    if (!rec.used()) {
      kind = Kind.FILES;
      life = maxTtl;
    } else if (rec.uncacheable()) {
      if (failure != null) {
        return null; // EAI_AGAIN and the like: the caller sees it, stale rules may apply
      }
      kind = Kind.DNS;
      life = 0;
    } else if (failure != null) {
      kind = Kind.NEGATIVE;
      life = Math.min(maxNegativeTtl, seconds(rec.ttl()));
    } else {
      kind = Kind.DNS;
      life = Math.max(minTtl, Math.min(maxTtl, seconds(rec.ttl())));
    }
    CompletableFuture<AddrinfoResult> f = failure != null
        ? CompletableFuture.failedFuture(failure)
        : CompletableFuture.completedFuture(answer);
    return new Entry(kind, f, now, now + life, gen);
  }

  /** Returns the back end's form of a pipeline answer, with what it left in {@code h_errno}. */
  private static AddrinfoResult result(AddrinfoAnswer a) {
    return new AddrinfoResult(a.entries(), a.hErrno());
  }

  private static long seconds(long s) {
    return s >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : s * 1_000_000_000L;
  }

  private void store(Request key, Entry e) {
    if (entries.size() >= options.maxEntries() && !entries.containsKey(key)) {
      evict();
    }
    entries.put(key, e);
    dev.netdb.observe.Events.cacheStored();
  }

  private void evict() {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      long now = nanos.getAsLong();
      int max = options.maxEntries();
      int target = max - Math.max(1, max / 8); // free an eighth so sweeps are rare
      entries.values().removeIf(e -> now - e.expiresAt >= stale);
      for (int pass = 0; pass < 2 && entries.size() > target; pass++) {
        for (Iterator<Map.Entry<Request, Entry>> it = entries.entrySet().iterator();
            it.hasNext() && entries.size() > target; ) {
          Entry e = it.next().getValue();
          if (pass == 1 || !e.referenced) {
            it.remove();
          } else {
            e.referenced = false; // second chance
          }
        }
      }
    } finally {
      sweeping.set(false);
    }
  }

  /**
   * Returns the generation of the watched files: it grows each time a check sees one of them
   * changed. Checks at most once per {@code fileCheck} interval (every call when zero).
   */
  private long generation(long now) {
    if (watched.isEmpty() || (fileCheck > 0 && now - checkedAt < fileCheck && snapshot != null)) {
      return generation;
    }
    Object[] seen = new Object[watched.size()];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = watched.get(i).get();
    }
    synchronized (this) {
      Object[] last = snapshot;
      boolean same = last != null;
      for (int i = 0; same && i < seen.length; i++) {
        same = last[i] == seen[i];
      }
      if (!same) {
        snapshot = seen;
        if (last != null) {
          generation++;
        }
      }
      checkedAt = now;
      checkDue = fileCheck > 0 ? now + fileCheck : Expiring.NO_REUSE;
      return generation;
    }
  }

  /** Reports whether the pipeline answers this call without a name lookup (null or numeric host). */
  private static boolean bypass(Request r) {
    String host = IpLiterals.cString(r.host());
    if (host == null || host.equals("*")) {
      return true;
    }
    int pct = host.indexOf('%');
    return IpLiterals.atonExact(host) != null
        || (pct < 0 ? IpLiterals.pton6(host) : IpLiterals.pton6(host, 0, pct)) != null;
  }

  private static Environment withDns(Environment e, NssDns dns) {
    return new Environment(e.hosts(), e.hostConf(), e.gaiConf(), e.services(), dns, e.hostname(),
        e.interfaces(), e.sourceProbe(), e.interfaceIndex(), e.interfaceName());
  }

  /** Drops every entry. */
  public void clear() {
    entries.clear();
  }

  /** Returns the number of entries held, fresh or not yet swept. */
  public int size() {
    return entries.size();
  }

  /** Returns how many calls were answered by a fresh entry. */
  public long hits() {
    return hits.sum();
  }

  /** Returns how many calls needing a name lookup found no fresh entry. */
  public long misses() {
    return misses.sum();
  }

  /** Returns how many calls were answered by a stale entry (RFC 8767). */
  public long staleServed() {
    return staleServed.sum();
  }

  /** Returns how many entries hold an NXDOMAIN or NODATA answer (RFC 2308 negative caching). */
  public long negativeEntries() {
    long n = 0;
    for (Entry e : entries.values()) {
      if (e.kind == Kind.NEGATIVE) {
        n++;
      }
    }
    return n;
  }

  /** Returns the counts now: entries, hits, misses, stale answers served, negative entries. */
  @Override
  public dev.netdb.observe.CacheStats cacheStats() {
    return new dev.netdb.observe.CacheStats(size(), hits(), misses(), staleServed(), negativeEntries());
  }

  /** Returns how many refreshes ahead were started. */
  public long refreshesAhead() {
    return refreshes.sum();
  }

  /** One kept answer. */
  private static final class Entry {
    final Kind kind;
    /** The answer, kept with what the call left in {@code h_errno}, which every hit leaves again. */
    final CompletableFuture<AddrinfoResult> future;
    final long storedAt;
    final long expiresAt;
    final long generation;
    final AtomicBoolean refreshing = new AtomicBoolean();
    /** Whether serving this entry stale was logged (once per entry). */
    final AtomicBoolean staleLogged = new AtomicBoolean();
    /** What callers derived from the answer ({@link Expiring#memo()}), shared by every hit. */
    final java.util.concurrent.atomic.AtomicReference<Object> memo;
    boolean referenced;
    /** When a refresh last ended in EAI_AGAIN (0: never), for the failure recheck timer. */
    volatile long failedAt;

    /**
     * Returns when the last tenth of the entry's lifetime starts: from then on a hit refreshes it
     * ahead ({@link #fresh}), so a kept answer may be reused only until then ({@link #hit}).
     */
    long refreshFrom() {
      return expiresAt - (expiresAt - storedAt) / 10;
    }

    Entry(Kind kind, CompletableFuture<AddrinfoResult> future, long storedAt, long expiresAt, long generation) {
      this(kind, future, storedAt, expiresAt, generation, new java.util.concurrent.atomic.AtomicReference<>());
    }

    Entry(Kind kind, CompletableFuture<AddrinfoResult> future, long storedAt, long expiresAt, long generation,
        java.util.concurrent.atomic.AtomicReference<Object> memo) {
      this.memo = memo;
      this.kind = kind;
      this.future = future;
      this.storedAt = storedAt;
      this.expiresAt = expiresAt;
      this.generation = generation;
    }

    /**
     * Returns the answer: the very list, or a failed future with a new copy of the kept {@code
     * gaierror}, so that no two callers share (and add to) one exception.
     */
    CompletableFuture<AddrinfoResult> answer() {
      if (!future.isCompletedExceptionally()) {
        return future;
      }
      return future.exceptionallyCompose(t -> {
        Throwable c = t instanceof CompletionException x && x.getCause() != null ? x.getCause() : t;
        return CompletableFuture.failedFuture(c instanceof LookupFailure g ? g.withNegativeTtl(g.negativeTtlSeconds()) : c);
      });
    }

    /** Returns this entry served past its expiry: the same answer, lifetime 0. */
    Entry asStale() {
      return new Entry(kind, future, storedAt, storedAt, generation, memo);
    }

    /** Returns the answer with the rest of its lifetime; a files answer holds until the next file check. */
    CompletableFuture<Expiring> timed(long now, long fileCheck) {
      if (future.isCompletedExceptionally()) {
        return answer().thenApply(a -> null);
      }
      return CompletableFuture.completedFuture(expiring(now, fileCheck));
    }

    /** Returns the answer of an entry that holds one, with the rest of its lifetime, as {@link #timed}. */
    Expiring expiring(long now, long fileCheck) {
      return expiring(now, fileCheck, Expiring.NO_REUSE);
    }

    /** Returns {@link #expiring(long, long)} that a caller may reuse until {@code reuseUntil}. */
    Expiring expiring(long now, long fileCheck, long reuseUntil) {
      long left = Math.max(0, expiresAt - now);
      AddrinfoResult r = future.join();
      return new Expiring(r.entries(), kind == Kind.FILES ? Math.min(left, fileCheck) : left, memo, r.hErrno(),
          reuseUntil);
    }
  }

  /**
   * The DNS stage of one run, noting what it answered: whether DNS was asked at all, the smallest
   * TTL (positive or negative) seen, and whether an outcome may not be kept at all.
   */
  private static final class Recorder implements NssDns {
    private final NssDns dns;
    private boolean used;
    private boolean uncacheable;
    private long ttl = Long.MAX_VALUE;

    Recorder(NssDns dns) {
      this.dns = dns;
    }

    @Override
    public CompletableFuture<DnsHostResult> lookup(String name, int family) {
      return lookup(name, family, TraceRecorder.OFF);
    }

    @Override
    public CompletableFuture<DnsHostResult> lookup(String name, int family, TraceRecorder recorder) {
      synchronized (this) {
        used = true;
      }
      return dns.lookup(name, family, recorder).thenApply(this::note);
    }

    @Override
    public CompletableFuture<DnsHostResult> reverse(byte[] address) {
      synchronized (this) {
        used = true;
        uncacheable = true;
      }
      return dns.reverse(address);
    }

    private synchronized DnsHostResult note(DnsHostResult a) {
      switch (a) {
        case DnsHostResult.Found f -> ttl = Math.min(ttl, f.ttlSeconds());
        case DnsHostResult.Failed f -> {
          switch (f.error()) {
            // NXDOMAIN and NODATA live for their negative TTL (RFC 2308 §5)
            case HOST_NOT_FOUND, NO_DATA -> ttl = Math.min(ttl, f.negativeTtlSeconds());
            // SERVFAIL, timeouts, REFUSED, a broken stream, no descriptor: never kept
            case TRY_AGAIN, NO_RECOVERY, STREAM_BROKEN, FINAL_RCODE, EMFILE, ENFILE -> uncacheable = true;
          }
        }
      }
      if (ttl <= 0) {
        uncacheable = true;
      }
      return a;
    }

    synchronized boolean used() {
      return used;
    }

    synchronized boolean uncacheable() {
      return uncacheable;
    }

    synchronized long ttl() {
      return ttl;
    }
  }
}
