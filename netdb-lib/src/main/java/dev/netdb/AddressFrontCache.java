package dev.netdb;

import dev.netdb.backend.Backend;
import dev.netdb.resolve.CoarseClock;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the Java face's final {@code InetAddress} lists in front of the answer cache, keyed by the
 * host as the caller spelled it and by the list's face (family, order), so that a warm {@link
 * NetDb#lookup} or {@link NetDb#lookupPreferring} is one map lookup, one volatile read of a {@link
 * CoarseClock} and the hit counter: no clock read, no key record, no allocation.
 *
 * <p>A list is kept only as the answer cache hands it out on a hit, with the moment until which
 * that cache would answer the same call with the same entry ({@link Backend.Expiring#reuseUntil()}:
 * the entry's expiry, the start of its refresh-ahead window, the next check of the watched
 * files), and it is served only while the coarse clock reads before that moment less one tick. So
 * an answer is never served past what the answer cache itself would serve, unless the clock's
 * thread is held up for longer than a tick; expiry, refresh ahead, file changes and stale-on-failure
 * are left to the answer cache, which answers every call outside a list's window. Each hit is
 * counted as an answer-cache hit, so the statistics and the {@code dev.netdb.CacheStatistics}
 * event count it as before.
 *
 * <p>At most {@code maxHosts} hosts are kept; when full, every list is dropped at once (the next
 * call of each host refills it from the answer cache). Safe for concurrent use.
 */
final class AddressFrontCache implements AutoCloseable {
  /** The faces: glibc's order, IPv4 only, IPv6 only, IPv4 first, IPv6 first. */
  static final int UNSPEC = 0;
  static final int INET = 1;
  static final int INET6 = 2;
  static final int INET_FIRST = 3;
  static final int INET6_FIRST = 4;
  private static final int FACES = 5;

  private final CoarseClock clock;
  private final Runnable countHit;
  private final int maxHosts;
  private final ConcurrentHashMap<String, Held[]> hosts = new ConcurrentHashMap<>();

  /** One kept list and the coarse-clock reading before which it may be served. */
  private record Held(List<InetAddress> addresses, long servedBefore) {}

  /**
   * Creates the cache.
   *
   * @param clock the coarse clock, over the answer cache's own clock
   * @param countHit counts one hit in the answer cache's statistics
   * @param maxHosts the most hosts kept
   */
  AddressFrontCache(CoarseClock clock, Runnable countHit, int maxHosts) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.countHit = Objects.requireNonNull(countHit, "countHit");
    if (maxHosts < 1) {
      throw new IllegalArgumentException("maxHosts must be positive");
    }
    this.maxHosts = maxHosts;
  }

  /** Returns the face of {@code lookup(host, family)}, or -1 when it is not kept ({@code UNIX}). */
  static int face(AddressFamily family) {
    return switch (family) {
      case UNSPEC -> UNSPEC;
      case INET -> INET;
      case INET6 -> INET6;
      case UNIX -> -1;
    };
  }

  /** Returns the face of {@code lookupPreferring(host, first)}, or -1 when it is not kept. */
  static int preferringFace(AddressFamily first) {
    return first == AddressFamily.INET ? INET_FIRST : first == AddressFamily.INET6 ? INET6_FIRST : -1;
  }

  /** Returns the list kept for {@code host} and {@code face} while it may be served (a hit), else null. */
  List<InetAddress> get(String host, int face) {
    Held[] faces = hosts.get(host);
    if (faces == null) {
      return null;
    }
    Held h = faces[face];
    if (h == null || clock.now() >= h.servedBefore) {
      return null;
    }
    countHit.run();
    return h.addresses;
  }

  /**
   * Keeps {@code addresses}, the Java face of {@code answer} for {@code host} and {@code face}, if
   * the answer cache allows reusing it, and starts or wakes the clock.
   */
  void put(String host, int face, List<InetAddress> addresses, Backend.Expiring answer) {
    long until = answer.reuseUntil();
    if (until == Backend.Expiring.NO_REUSE) {
      return;
    }
    clock.start();
    long before = until - clock.tickNanos(); // the reading lags by up to a tick: never serve late
    Held[] faces = hosts.get(host);
    if (faces == null) {
      if (hosts.size() >= maxHosts) {
        hosts.clear();
      }
      faces = hosts.computeIfAbsent(host, h -> new Held[FACES]);
    }
    faces[face] = new Held(addresses, before); // a record of final fields: safe to publish racily
  }

  /** Reports whether the clock's thread is alive (for tests). */
  boolean clockThreadAlive() {
    return clock.threadAlive();
  }

  /** Returns the number of hosts kept. */
  int size() {
    return hosts.size();
  }

  /** Drops every list and stops the clock, ending its thread. */
  @Override
  public void close() {
    clock.close();
    hosts.clear();
  }
}
