package dev.netdb;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Holds a snapshot of a pure-Java {@link NetDb}'s DNS figures ({@link NetDb#stats()}): the queries
 * sent and how many timed out, the cache's hits, misses, stale answers served and negative
 * entries, and per server the queries,
 * replies, timeouts and round-trip times. Counts run from the instance's creation. The OS back
 * end, which cannot see inside glibc, reports {@link #NONE}. Immutable.
 *
 * @param queries the DNS queries sent (each send to each server counts)
 * @param timeouts the queries no reply came to in time
 * @param cacheHits the questions answered from the cache
 * @param cacheMisses the questions the cache could not answer
 * @param cacheEntries the entries the cache holds now
 * @param cacheStaleServed the expired answers served because every server failed (RFC 8767; only
 *     the answer cache serves them, with {@link NetDbBuilder#staleOnFailure})
 * @param cacheNegativeEntries the entries holding NXDOMAIN or NODATA now (RFC 2308)
 * @param servers the servers asked, with their figures, ordered by address
 */
public record NetDbStats(long queries, long timeouts, long cacheHits, long cacheMisses,
    long cacheEntries, long cacheStaleServed, long cacheNegativeEntries, List<Server> servers) {

  /** The figures of an instance that sent nothing and cached nothing. */
  public static final NetDbStats NONE = new NetDbStats(0, 0, 0, 0, 0, List.of());

  /**
   * Creates a snapshot of a cache that serves nothing stale and counts no negative entries.
   *
   * @param queries the queries sent
   * @param timeouts the queries that timed out
   * @param cacheHits the cache hits
   * @param cacheMisses the cache misses
   * @param cacheEntries the entries held
   * @param servers the servers' figures
   */
  public NetDbStats(long queries, long timeouts, long cacheHits, long cacheMisses, long cacheEntries,
      List<Server> servers) {
    this(queries, timeouts, cacheHits, cacheMisses, cacheEntries, 0, 0, servers);
  }

  /**
   * Creates a snapshot; the list becomes immutable.
   *
   * @param queries the queries sent
   * @param timeouts the queries that timed out
   * @param cacheHits the cache hits
   * @param cacheMisses the cache misses
   * @param cacheEntries the entries held
   * @param cacheStaleServed the stale answers served
   * @param cacheNegativeEntries the negative entries held
   * @param servers the servers' figures
   */
  public NetDbStats {
    servers = List.copyOf(servers);
  }

  /**
   * Returns the share of questions the cache answered: hits / (hits + misses), 0 with none.
   *
   * @return the hit ratio, from 0 to 1
   */
  public double cacheHitRatio() {
    long all = cacheHits + cacheMisses;
    return all == 0 ? 0 : (double) cacheHits / all;
  }

  /**
   * The figures of one server.
   *
   * @param address the server, {@code address:port}
   * @param queries the queries sent to it
   * @param replies the replies it sent back
   * @param timeouts the queries it did not answer in time
   * @param errors the queries that failed otherwise (socket errors, replies that do not decode)
   * @param meanRtt the mean round-trip time of its replies, zero without any
   * @param maxRtt the longest round-trip time of a reply
   */
  public record Server(String address, long queries, long replies, long timeouts, long errors,
      Duration meanRtt, Duration maxRtt) {
    /**
     * Checks for nulls.
     *
     * @param address the server
     * @param queries the queries sent
     * @param replies the replies
     * @param timeouts the timeouts
     * @param errors the other failures
     * @param meanRtt the mean round-trip time
     * @param maxRtt the longest round-trip time
     */
    public Server {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(meanRtt, "meanRtt");
      Objects.requireNonNull(maxRtt, "maxRtt");
    }
  }
}
