package dev.netdb.observe.jfr;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Creates and commits netdb's JFR events. Loaded only through {@link dev.netdb.observe.Events}
 * once {@code jdk.jfr} is known to be present, so the library runs without that module.
 *
 * <p>Nothing here loads an event class before the Flight Recorder exists: in JDK 25 loading the
 * first subclass of {@code jdk.jfr.Event} sets up JFR's metadata (about 400 classes, 100 ms of
 * C1-compiled start-up), whether or not anything records. Every recording, from {@code
 * -XX:StartFlightRecording}, {@code jcmd JFR.start} or the API, creates the recorder first, so
 * {@link FlightRecorder#isInitialized()} (one volatile read) is the gate, and the periodic event is
 * registered when the recorder is created.
 */
public final class JfrEvents {
  private JfrEvents() {}

  /** The event types, looked up on the first event call once the recorder exists. */
  private static final class Types {
    static final EventType QUERY = EventType.getEventType(DnsQueryEvent.class);
    static final EventType LOOKUP = EventType.getEventType(LookupEvent.class);
  }

  /** Returns a started query event, or null when no recorder exists or the event is off. */
  public static Object queryBegin() {
    if (!FlightRecorder.isInitialized() || !Types.QUERY.isEnabled()) {
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

  /** Returns a started lookup event, or null when no recorder exists or the event is off. */
  public static Object lookupBegin() {
    if (!FlightRecorder.isInitialized() || !Types.LOOKUP.isEnabled()) {
      return null;
    }
    LookupEvent e = new LookupEvent();
    e.begin();
    return e;
  }

  /** Ends and commits a lookup event from {@link #lookupBegin()}. */
  public static void lookupEnd(Object event, String host, String function, String backend,
      String outcome, boolean cached, boolean stale, String addresses) {
    LookupEvent e = (LookupEvent) event;
    e.end();
    if (e.shouldCommit()) {
      e.host = host;
      e.function = function;
      e.backend = backend;
      e.outcome = outcome;
      e.cached = cached;
      e.stale = stale;
      e.addresses = addresses;
      e.commit();
    }
  }

  /**
   * Registers the periodic cache statistics event when the recorder is created (at once if it
   * exists already): each period JFR runs {@code hook}, which calls {@link #commitCacheStatistics}
   * with the sums (the caller owns the caches; this package knows none of netdb's types, so the
   * package graph stays acyclic).
   */
  public static void registerCacheStatistics(Runnable hook) {
    FlightRecorder.addListener(new FlightRecorderListener() {
      @Override
      public void recorderInitialized(FlightRecorder recorder) {
        FlightRecorder.addPeriodicEvent(CacheStatisticsEvent.class, hook);
      }
    });
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
