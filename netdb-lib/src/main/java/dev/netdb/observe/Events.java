package dev.netdb.observe;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JFR events of netdb ({@code dev.netdb.Lookup}, {@code dev.netdb.DnsQuery}, {@code
 * dev.netdb.CacheStatistics}), emitted only when the {@code jdk.jfr} module is present (the
 * library {@code requires static} it): every method here checks {@link #AVAILABLE} before it
 * touches {@link dev.netdb.observe.jfr.JfrEvents}, so without the module that class is never
 * loaded. With JFR present, no event class is loaded until a Flight Recorder exists (see {@link
 * dev.netdb.observe.jfr.JfrEvents}); until then a call costs one volatile read, and with a
 * recorder but the events off, one check of the event type.
 */
public final class Events {
  /** Whether {@code jdk.jfr} is in the boot layer (so this module reads it). */
  public static final boolean AVAILABLE = present();

  private static final List<WeakReference<CacheStats.Source>> CACHES = new CopyOnWriteArrayList<>();
  private static volatile boolean registered;

  private Events() {}

  private static boolean present() {
    try {
      // Named: reads jdk.jfr only when it was resolved (requires static); unnamed: reads all.
      java.util.Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
      return jfr.isPresent() && Events.class.getModule().canRead(jfr.get());
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Returns a started {@code dev.netdb.DnsQuery} event, or null when JFR or the event is off. */
  public static Object queryBegin() {
    return AVAILABLE ? dev.netdb.observe.jfr.JfrEvents.queryBegin() : null;
  }

  /** Commits a query event from {@link #queryBegin()} (nothing for null). */
  public static void queryEnd(Object event, String name, String type, String server, boolean tcp,
      String rcode, int attempt, boolean truncated) {
    if (event != null) {
      dev.netdb.observe.jfr.JfrEvents.queryEnd(event, name, type, server, tcp, rcode, attempt, truncated);
    }
  }

  /** Returns a started {@code dev.netdb.Lookup} event, or null when JFR or the event is off. */
  public static Object lookupBegin() {
    return AVAILABLE ? dev.netdb.observe.jfr.JfrEvents.lookupBegin() : null;
  }

  /** Commits a lookup event from {@link #lookupBegin()} (nothing for null). */
  public static void lookupEnd(Object event, String host, String function, String backend,
      String outcome, boolean cached, boolean stale, String addresses) {
    if (event != null) {
      dev.netdb.observe.jfr.JfrEvents.lookupEnd(event, host, function, backend, outcome, cached, stale, addresses);
    }
  }

  /**
   * Adds a cache to the {@code dev.netdb.CacheStatistics} sums, held weakly (a cache no longer
   * used drops out). The periodic event itself is registered with JFR by {@link #cacheStored()},
   * when the first answer is stored in any cache: registering loads JFR's recorder classes (about
   * 0.5 ms of a one-shot command's start), and until a store every figure is zero.
   */
  public static void registerCache(CacheStats.Source cache) {
    if (AVAILABLE) {
      CACHES.add(new WeakReference<>(cache));
    }
  }

  /**
   * Registers the periodic {@code dev.netdb.CacheStatistics} event on the first call, once a cache
   * was added; each cache calls this when it stores an answer (one volatile read afterwards).
   */
  public static void cacheStored() {
    if (registered || !AVAILABLE || CACHES.isEmpty()) {
      return;
    }
    synchronized (Events.class) {
      if (!registered) {
        registered = true;
        dev.netdb.observe.jfr.JfrEvents.registerCacheStatistics(Events::commitCacheTotals);
      }
    }
  }

  /** Commits the periodic event with the sums over the live caches. */
  private static void commitCacheTotals() {
    CacheStats s = cacheTotals();
    dev.netdb.observe.jfr.JfrEvents.commitCacheStatistics(s.entries(), s.hits(), s.misses(),
        s.staleServed(), s.negative());
  }

  /** Returns the sums over the live caches, dropping the collected ones. */
  static CacheStats cacheTotals() {
    CacheStats sum = CacheStats.ZERO;
    for (WeakReference<CacheStats.Source> ref : CACHES) {
      CacheStats.Source s = ref.get();
      if (s == null) {
        CACHES.remove(ref);
      } else {
        sum = sum.plus(s.cacheStats());
      }
    }
    return sum;
  }
}
