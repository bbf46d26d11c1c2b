package dev.netdb.cli;

import dev.netdb.NetDbException;

/**
 * A getent hosts database ({@code hosts}, {@code ahosts}, {@code ahostsv4}, {@code ahostsv6}),
 * whose keys can also come one per line from standard input.
 */
interface GetentHostDatabase extends GetentCommand {
  /**
   * Looks one key up and appends the lines getent prints for it; returns null when it was found,
   * else the failure (getent prints nothing for it and exits 2).
   */
  NetDbException lookupKey(Session session, String key, StringBuilder out);
}
