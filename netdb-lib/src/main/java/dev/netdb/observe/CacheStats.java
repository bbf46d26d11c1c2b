package dev.netdb.observe;

/**
 * Counts of a cache (the answer cache or the DNS cache), or of several summed.
 *
 * @param entries the entries held
 * @param hits the questions answered from the cache
 * @param misses the questions not answered from it
 * @param staleServed the expired answers served (RFC 8767; the answer cache's, the DNS cache serves none)
 * @param negative the entries holding NXDOMAIN or NODATA
 */
public record CacheStats(long entries, long hits, long misses, long staleServed, long negative) {
  /** Returns the sum of this and {@code o}. */
  public CacheStats plus(CacheStats o) {
    return new CacheStats(entries + o.entries, hits + o.hits, misses + o.misses,
        staleServed + o.staleServed, negative + o.negative);
  }

  /** A cache that holds and did nothing. */
  public static final CacheStats ZERO = new CacheStats(0, 0, 0, 0, 0);

  /** Something that can report cache counts: the answer cache or a DNS cache. */
  public interface Source {
    /** Returns the counts now. */
    CacheStats cacheStats();
  }
}
