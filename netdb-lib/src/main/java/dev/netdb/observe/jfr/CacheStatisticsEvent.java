package dev.netdb.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** The DNS caches of the live pure-Java resolvers, summed; emitted every period. */
@Name("dev.netdb.CacheStatistics")
@Label("DNS Cache Statistics")
@Category({"netdb", "DNS"})
@Description("The DNS caches of the live pure-Java resolvers, summed")
@Period("5 s")
@StackTrace(false)
final class CacheStatisticsEvent extends Event {
  @Label("Entries") long entries;
  @Label("Hits") long hits;
  @Label("Misses") long misses;
  @Label("Stale Served") @Description("expired answers served (RFC 8767); netdb serves none yet") long staleServed;
  @Label("Negative") @Description("entries holding NXDOMAIN or NODATA") long negative;
}
