package dev.netdb.observe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Holds a snapshot of a back end's DNS figures, below the API: the queries sent and how many timed
 * out, the cache's hits, misses and entries, and per server the queries, replies, timeouts and
 * round-trip times. The API edge turns it into the public {@code dev.netdb.NetDbStats}, field for
 * field.
 *
 * @param queries the DNS queries sent (each send to each server counts)
 * @param timeouts the queries no reply came to in time
 * @param cacheHits the questions answered from the cache
 * @param cacheMisses the questions the cache could not answer
 * @param cacheEntries the entries the cache holds now
 * @param servers the servers asked, with their figures, ordered by address
 */
public record ResolverStats(long queries, long timeouts, long cacheHits, long cacheMisses,
    long cacheEntries, List<ServerStats> servers) {

  /** The figures of a back end that sent nothing and cached nothing. */
  public static final ResolverStats NONE = new ResolverStats(0, 0, 0, 0, 0, List.of());

  /** Copies the list. */
  public ResolverStats {
    servers = List.copyOf(servers);
  }

  /**
   * The figures of one server.
   *
   * @param address the server, {@code address:port}
   * @param queries the queries sent to it
   * @param replies the replies it sent back
   * @param timeouts the queries it did not answer in time
   * @param errors the queries that failed otherwise
   * @param meanRtt the mean round-trip time of its replies, zero without any
   * @param maxRtt the longest round-trip time of a reply
   */
  public record ServerStats(String address, long queries, long replies, long timeouts, long errors,
      Duration meanRtt, Duration maxRtt) {
    /** Checks for nulls. */
    public ServerStats {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(meanRtt, "meanRtt");
      Objects.requireNonNull(maxRtt, "maxRtt");
    }
  }
}
