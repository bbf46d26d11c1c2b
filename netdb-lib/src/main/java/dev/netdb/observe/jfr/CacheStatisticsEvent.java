package dev.netdb.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The caches of the live pure-Java resolvers, summed, one per resolver: its answer cache where it
 * has one (the cache in front, as {@code NetDb.stats()} reports), else its DNS cache; emitted
 * every period.
 */
@Name("dev.netdb.CacheStatistics")
@Label("DNS Cache Statistics")
@Category({"netdb", "DNS"})
@Description("The caches of the live pure-Java resolvers (the answer cache where on, else the DNS cache), summed")
@Period("5 s")
@StackTrace(false)
final class CacheStatisticsEvent extends Event {
  @Label("Entries") long entries;
  @Label("Hits") long hits;
  @Label("Misses") long misses;
  @Label("Stale Served") @Description("expired answers served because every server failed (RFC 8767)") long staleServed;
  @Label("Negative") @Description("entries holding NXDOMAIN or NODATA") long negative;
}
