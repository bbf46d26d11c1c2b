package dev.netdb.observe.jfr;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/**
 * Creates and commits netdb's JFR events. Loaded only through {@link dev.netdb.observe.Events}
 * once {@code jdk.jfr} is known to be present, so the library runs without that module.
 */
public final class JfrEvents {
  private static final EventType QUERY = EventType.getEventType(DnsQueryEvent.class);
  private static final EventType LOOKUP = EventType.getEventType(LookupEvent.class);

  private JfrEvents() {}

  /** Returns a started query event, or null when the event is off. */
  public static Object queryBegin() {
    if (!QUERY.isEnabled()) {
      return null;
    }
    DnsQueryEvent e = new DnsQueryEvent();
    e.begin();
    return e;
  }

  /** Ends and commits a query event from {@link #queryBegin()}. */
  public static void queryEnd(Object event, String name, String type, String server, boolean tcp,
      String rcode, int attempt, boolean truncated) {
    DnsQueryEvent e = (DnsQueryEvent) event;
    e.end();
    if (e.shouldCommit()) {
      e.name = name;
      e.type = type;
      e.server = server;
      e.transport = tcp ? "tcp" : "udp";
      e.rcode = rcode;
      e.attempt = attempt;
      e.truncated = truncated;
      e.commit();
    }
  }

  /** Returns a started lookup event, or null when the event is off. */
  public static Object lookupBegin() {
    if (!LOOKUP.isEnabled()) {
      return null;
    }
    LookupEvent e = new LookupEvent();
    e.begin();
    return e;
  }

  /** Ends and commits a lookup event from {@link #lookupBegin()}. */
  public static void lookupEnd(Object event, String host, String function, String backend,
      String outcome, boolean cached, String addresses) {
    LookupEvent e = (LookupEvent) event;
    e.end();
    if (e.shouldCommit()) {
      e.host = host;
      e.function = function;
      e.backend = backend;
      e.outcome = outcome;
      e.cached = cached;
      e.stale = false;
      e.addresses = addresses;
      e.commit();
    }
  }

  /**
   * Registers the periodic cache statistics event: each period JFR runs {@code hook}, which calls
   * {@link #commitCacheStatistics} with the sums (the caller owns the caches; this package knows
   * none of netdb's types, so the package graph stays acyclic).
   */
  public static void registerCacheStatistics(Runnable hook) {
    FlightRecorder.addPeriodicEvent(CacheStatisticsEvent.class, hook);
  }

  /** Commits one {@code dev.netdb.CacheStatistics} event, from the periodic hook. */
  public static void commitCacheStatistics(long entries, long hits, long misses, long staleServed,
      long negative) {
    CacheStatisticsEvent e = new CacheStatisticsEvent();
    e.entries = entries;
    e.hits = hits;
    e.misses = misses;
    e.staleServed = staleServed;
    e.negative = negative;
    e.commit();
  }
}
