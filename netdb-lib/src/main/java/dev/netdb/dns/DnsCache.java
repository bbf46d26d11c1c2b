package dev.netdb.dns;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Caches exchange outcomes per question (name ignoring ASCII case, type, class), and merges
 * identical questions in flight so that one exchange answers them all. glibc itself has no cache;
 * this one changes only timing, never an answer, while entries are fresh.
 *
 * <p><b>What is stored.</b> An {@link DnsOutcome.Answer} is kept for the smallest TTL of its answer
 * records, clamped to [{@code minTtl}, {@code maxTtl}]. An {@link DnsOutcome.NxDomain} or {@link
 * DnsOutcome.NoData} is kept for min(SOA TTL, SOA MINIMUM) of the SOA record in its authority
 * section (RFC 2308 §5), clamped to [0, {@code maxNegativeTtl}]; without an SOA it is not kept
 * (RFC 2308 §5). Failures (SERVFAIL, REFUSED, timeouts, truncation, malformed replies) are never
 * kept. A TTL of 0 after clamping means "not kept".
 *
 * <p><b>Hits.</b> A hit returns the very outcome received, an already-completed future, without
 * touching a socket; it costs one hash lookup and a clock read. The counters {@link #hits()},
 * {@link #misses()} and {@link #merged()} tell how the cache did.
 *
 * <p><b>Staleness.</b> Expiry is measured from the moment the reply arrived, on the injected
 * monotonic clock ({@link System#nanoTime} by default), so wall-clock changes do not matter. An
 * entry is served unchanged until it expires: the TTLs inside the returned message are the
 * original ones, not decremented. With {@code minTtl} above zero an answer may be served up to
 * {@code minTtl} longer than its owner allowed; that is the price of the floor.
 *
 * <p><b>Memory.</b> At most {@code maxEntries} entries are held. An entry holds a key (about 80
 * bytes plus the name) and the decoded message, typically 0.5 to 2 KB for a small answer, so 10,000
 * entries take roughly 10 to 20 MB. When the bound is reached, expired entries are dropped first,
 * then entries not hit since the last sweep (a CLOCK-style approximation of LRU), then any.
 *
 * <p>A disabled cache ({@link #disabled()}) stores nothing but still merges identical questions in
 * flight. Safe for concurrent use.
 */
public final class DnsCache implements dev.netdb.observe.CacheStats.Source {
  private final boolean enabled;
  private final int maxEntries;
  private final long minTtlNanos;
  private final long maxTtlNanos;
  private final long maxNegativeTtlNanos;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, CompletableFuture<DnsOutcome>> inFlight = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder merged = new LongAdder();

  private DnsCache(Builder b) {
    this.enabled = b.enabled;
    this.maxEntries = b.maxEntries;
    this.minTtlNanos = b.minTtl.toNanos();
    this.maxTtlNanos = b.maxTtl.toNanos();
    this.maxNegativeTtlNanos = b.maxNegativeTtl.toNanos();
    this.nanos = b.nanos;
  }

  /** Returns the counts now: entries held, hits, misses, stale answers served (none), negative entries. */
  @Override
  public dev.netdb.observe.CacheStats cacheStats() {
    long negative = 0;
    for (Entry e : entries.values()) {
      if (e.negative) negative++;
    }
    return new dev.netdb.observe.CacheStats(entries.size(), hits(), misses(), 0, negative);
  }

  /** Returns a builder: 10,000 entries, TTLs clamped to [0 s, 1 day], negative TTLs to 3 hours. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a cache that stores nothing (identical questions in flight are still merged). */
  public static DnsCache disabled() {
    return builder().enabled(false).build();
  }

  /**
   * Returns the fresh cached outcome for a question, or joins the exchange in flight for it, or
   * starts one with {@code exchange} and caches its outcome.
   */
  public CompletableFuture<DnsOutcome> get(DnsQuestion question, Supplier<CompletableFuture<DnsOutcome>> exchange) {
    return get(question, exchange, age -> {});
  }

  /**
   * Returns as {@link #get(DnsQuestion, Supplier)} does, and tells {@code age} how long ago (in
   * nanoseconds) a cached outcome arrived, before returning it; a fresh exchange tells nothing. The
   * TTLs in a cached message are the original ones, so whoever keeps an answer built from it must
   * take its age off.
   */
  public CompletableFuture<DnsOutcome> get(
      DnsQuestion question, Supplier<CompletableFuture<DnsOutcome>> exchange, java.util.function.LongConsumer age) {
    // The name is kept as spelled, not case-folded: a server answers in the question's case
    // (owner names point back at the question), and glibc, asking afresh each time, shows that
    // case in h_name, aliases and canonname; merging WWW.Example.TEST with www.example.test would
    // hand one caller the other's spelling.
    Key key = new Key(question.name(), question.type(), question.dnsClass());
    if (enabled) {
      Entry e = entries.get(key);
      if (e != null) {
        long now = nanos.getAsLong();
        if (now - e.expiresAt < 0) {
          e.referenced = true;
          hits.increment();
          age.accept(now - e.storedAt);
          return e.future;
        }
        entries.remove(key, e);
      }
    }
    misses.increment();
    CompletableFuture<DnsOutcome> mine = new CompletableFuture<>();
    CompletableFuture<DnsOutcome> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      merged.increment();
      return running;
    }
    CompletableFuture<DnsOutcome> f;
    try {
      f = exchange.get();
    } catch (RuntimeException ex) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(ex);
      return mine;
    }
    f.whenComplete(
        (outcome, error) -> {
          if (outcome != null) store(key, outcome);
          inFlight.remove(key, mine);
          if (error != null) {
            mine.completeExceptionally(error);
          } else {
            mine.complete(outcome);
          }
        });
    return mine;
  }

  private void store(Key key, DnsOutcome outcome) {
    if (!enabled) return;
    long ttl = ttlNanos(outcome);
    if (ttl <= 0) return;
    if (entries.size() >= maxEntries) evict();
    boolean negative = outcome instanceof DnsOutcome.NxDomain || outcome instanceof DnsOutcome.NoData;
    long now = nanos.getAsLong();
    entries.put(key, new Entry(CompletableFuture.completedFuture(outcome), now, now + ttl, negative));
    dev.netdb.observe.Events.cacheStored();
  }

  /** Returns how long an outcome may be kept, in nanoseconds, after clamping; 0 for not at all. */
  long ttlNanos(DnsOutcome outcome) {
    return switch (outcome) {
      case DnsOutcome.Answer a -> {
        long min = Long.MAX_VALUE;
        for (ResourceRecord r : a.message().answers()) min = Math.min(min, r.ttl());
        yield min == Long.MAX_VALUE ? 0 : clamp(Duration.ofSeconds(min).toNanos(), minTtlNanos, maxTtlNanos);
      }
      case DnsOutcome.NxDomain n -> negative(n.message());
      case DnsOutcome.NoData n -> negative(n.message());
      case DnsOutcome.ServFail s -> 0;
      case DnsOutcome.Refused r -> 0;
      case DnsOutcome.Truncated t -> 0;
      case DnsOutcome.StreamBroken t -> 0;
      case DnsOutcome.OutOfDescriptors o -> 0;
      case DnsOutcome.Timeout t -> 0;
      case DnsOutcome.Malformed m -> 0;
    };
  }

  private long negative(DnsMessage m) {
    return clamp(Duration.ofSeconds(m.negativeTtlSeconds()).toNanos(), 0, maxNegativeTtlNanos);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private void evict() {
    if (!sweeping.compareAndSet(false, true)) return;
    try {
      long now = nanos.getAsLong();
      int target = maxEntries - Math.max(1, maxEntries / 8); // free an eighth so sweeps are rare
      entries.values().removeIf(e -> now - e.expiresAt >= 0);
      for (int pass = 0; pass < 2 && entries.size() > target; pass++) {
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
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
   * Returns how long the cached outcome for a question stays fresh, in nanoseconds, or -1 when
   * none is (a miss); a look that counts neither as a hit nor as a miss, for traces.
   */
  public long remainingNanos(DnsQuestion question) {
    if (!enabled) return -1;
    Entry e = entries.get(new Key(question.name(), question.type(), question.dnsClass()));
    if (e == null) return -1;
    long left = e.expiresAt - nanos.getAsLong();
    return left > 0 ? left : -1;
  }

  /**
   * Returns {@code outcome} as a cache that has held it {@code seconds} must pass it on: every TTL
   * of its answer and authority records lowered by that much, not below 0 (RFC 1035 §7.4 keeps
   * TTLs counting down in caches), and an SOA's MINIMUM too, so that RFC 2308's negative TTL,
   * min(TTL, MINIMUM), counts down with it. Other outcomes carry no TTL and are returned as they
   * are.
   */
  static DnsOutcome aged(DnsOutcome outcome, long seconds) {
    return switch (outcome) {
      case DnsOutcome.Answer a -> new DnsOutcome.Answer(aged(a.message(), seconds), a.server());
      case DnsOutcome.NxDomain n -> new DnsOutcome.NxDomain(aged(n.message(), seconds), n.server());
      case DnsOutcome.NoData n -> new DnsOutcome.NoData(aged(n.message(), seconds), n.server());
      default -> outcome;
    };
  }

  private static DnsMessage aged(DnsMessage m, long s) {
    return new DnsMessage(m.header(), m.questions(), aged(m.answers(), s), aged(m.authorities(), s), m.additionals());
  }

  private static java.util.List<ResourceRecord> aged(java.util.List<ResourceRecord> records, long s) {
    java.util.List<ResourceRecord> out = new java.util.ArrayList<>(records.size());
    for (ResourceRecord r : records) {
      out.add(switch (r) {
        case ResourceRecord.A x -> new ResourceRecord.A(x.name(), x.dnsClass(), less(x.ttl(), s), x.address());
        case ResourceRecord.Aaaa x -> new ResourceRecord.Aaaa(x.name(), x.dnsClass(), less(x.ttl(), s), x.address());
        case ResourceRecord.Cname x -> new ResourceRecord.Cname(x.name(), x.dnsClass(), less(x.ttl(), s), x.target());
        case ResourceRecord.Ptr x -> new ResourceRecord.Ptr(x.name(), x.dnsClass(), less(x.ttl(), s), x.target());
        case ResourceRecord.Soa x -> new ResourceRecord.Soa(x.name(), x.dnsClass(), less(x.ttl(), s), x.mname(),
            x.rname(), x.serial(), x.refresh(), x.retry(), x.expire(), less(x.minimum(), s));
        case ResourceRecord.Opt x -> x;
      });
    }
    return out;
  }

  private static long less(long ttl, long seconds) {
    return Math.max(0, ttl - seconds);
  }

  /** Drops every entry. */
  public void clear() {
    entries.clear();
  }

  /** Returns the number of entries held, fresh or not yet swept. */
  public int size() {
    return entries.size();
  }

  /** Returns how many lookups were answered from the cache. */
  public long hits() {
    return hits.sum();
  }

  /** Returns how many lookups were not answered from the cache (merged ones included). */
  public long misses() {
    return misses.sum();
  }

  /** Returns how many lookups joined an identical exchange already in flight. */
  public long merged() {
    return merged.sum();
  }

  /**
   * A question as the caches key it. Equality field by field, written out: the record's generated
   * methods are invokedynamic call sites that a C1-compiled batch calls through method handles on
   * every query.
   */
  private record Key(String name, int type, int dnsClass) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && type == k.type && dnsClass == k.dnsClass && name.equals(k.name);
    }

    @Override
    public int hashCode() {
      return (name.hashCode() * 31 + type) * 31 + dnsClass;
    }
  }

  private static final class Entry {
    final CompletableFuture<DnsOutcome> future;
    final long storedAt;
    final long expiresAt;
    final boolean negative;
    volatile boolean referenced;

    Entry(CompletableFuture<DnsOutcome> future, long storedAt, long expiresAt, boolean negative) {
      this.future = future;
      this.storedAt = storedAt;
      this.expiresAt = expiresAt;
      this.negative = negative;
    }
  }

  /** Builds a {@link DnsCache}. */
  public static final class Builder {
    private boolean enabled = true;
    private int maxEntries = 10_000;
    private Duration minTtl = Duration.ZERO;
    private Duration maxTtl = Duration.ofDays(1);
    private Duration maxNegativeTtl = Duration.ofHours(3); // RFC 2308 §5 suggests 1 to 3 hours
    private LongSupplier nanos = System::nanoTime;

    private Builder() {}

    /** Switches storing on or off. */
    public Builder enabled(boolean on) {
      enabled = on;
      return this;
    }

    /** Sets the most entries held (at least 1). */
    public Builder maxEntries(int n) {
      if (n < 1) throw new IllegalArgumentException("maxEntries must be at least 1");
      maxEntries = n;
      return this;
    }

    /** Sets the floor for positive TTLs. */
    public Builder minTtl(Duration d) {
      minTtl = d;
      return this;
    }

    /** Sets the ceiling for positive TTLs. */
    public Builder maxTtl(Duration d) {
      maxTtl = d;
      return this;
    }

    /** Sets the ceiling for negative TTLs. */
    public Builder maxNegativeTtl(Duration d) {
      maxNegativeTtl = d;
      return this;
    }

    /** Sets the monotonic clock, in nanoseconds (for tests). */
    public Builder nanos(LongSupplier clock) {
      nanos = clock;
      return this;
    }

    /** Builds the cache. */
    public DnsCache build() {
      if (minTtl.compareTo(maxTtl) > 0) throw new IllegalArgumentException("minTtl > maxTtl");
      return new DnsCache(this);
    }
  }
}
