package dev.netdb.dns;

import dev.netdb.NetDbBuilder;
import java.time.Duration;

/**
 * Every case of {@link AnswerCacheTest} again with the Java face's front cache on ({@code
 * coarseClock}, over the stepped clock: warm {@code lookup} and {@code lookupPreferring} calls are
 * answered from the front while the answer cache would give them the same entry), and the files
 * checked once a (stepped) second, as netdb-spi has them. Expiry at the TTL, NXDOMAIN and NODATA
 * lifetimes, stale answers, refresh ahead and file changes must come out as without it.
 */
class AnswerCacheFrontTest extends AnswerCacheTest {
  @Override
  NetDbBuilder builder() {
    return super.builder().coarseClock(Duration.ofMillis(10)).fileCheckInterval(Duration.ofSeconds(1));
  }
}
