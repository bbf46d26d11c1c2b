package dev.netdb.spi;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * The provider's settings, read once from system properties when the JVM first resolves a name.
 * Every property is optional; a bad value is reported once through {@link System.Logger} and the
 * default is used instead.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code netdb.backend}</td><td>{@code java}</td><td>{@code java}: netdb's own
 *       resolver; {@code os}: glibc through FFM (needs native access for module {@code dev.netdb})</td></tr>
 *   <tr><td>{@code netdb.nameservers}</td><td>resolv.conf's</td><td>comma-separated {@code IP},
 *       {@code IPv4:PORT} or {@code [IPv6]:PORT}, replacing resolv.conf's nameservers</td></tr>
 *   <tr><td>{@code netdb.hosts}</td><td>{@code /etc/hosts}</td><td>the hosts file</td></tr>
 *   <tr><td>{@code netdb.resolvConf}</td><td>{@code /etc/resolv.conf}</td><td>resolv.conf</td></tr>
 *   <tr><td>{@code netdb.gaiConf}</td><td>{@code /etc/gai.conf}</td><td>gai.conf</td></tr>
 *   <tr><td>{@code netdb.cache}</td><td>{@code true}</td><td>netdb's TTL caches: DNS answers,
 *       and whole lookups in front of getaddrinfo</td></tr>
 *   <tr><td>{@code netdb.cache.maxTtl}</td><td>{@code 86400}</td><td>the longest a DNS answer is
 *       kept, in seconds, whatever its TTL</td></tr>
 *   <tr><td>{@code netdb.cache.stale}</td><td>{@code 86400}</td><td>how long past its TTL an
 *       answer may be served, in seconds, when every nameserver fails or times out (RFC 8767); 0
 *       never</td></tr>
 *   <tr><td>{@code netdb.cache.staleResponseMillis}</td><td>{@code 1800}</td><td>how long a lookup
 *       waits for the refresh of an expired answer before getting the stale one (RFC 8767 §5's
 *       client response timer)</td></tr>
 *   <tr><td>{@code netdb.cache.refreshAhead}</td><td>{@code true}</td><td>a hit in the last tenth
 *       of an answer's TTL refreshes it in the background</td></tr>
 *   <tr><td>{@code netdb.cache.tickMillis}</td><td>{@code 10}</td><td>how often a thread of
 *       the provider reads the clock for warm lookups, which then cost no clock read of their own
 *       ({@code NetDbBuilder.coarseClock}); an answer is still never served past its TTL or
 *       refresh-ahead point, nor past a file check, unless that thread is held up for more than a
 *       tick; 0 reads the clock on every lookup</td></tr>
 *   <tr><td>{@code netdb.fileCheckMillis}</td><td>{@code 1000}</td><td>how long a read of hosts,
 *       resolv.conf, gai.conf and host.conf is trusted before the file is checked again; 0 checks
 *       on every lookup, as glibc</td></tr>
 *   <tr><td>{@code netdb.disable}</td><td>{@code false}</td><td>{@code true} hands every lookup
 *       to the JDK's built-in resolver</td></tr>
 *   <tr><td>{@code netdb.udpMaxQueries}</td><td>{@code 0}</td><td>DNS queries per random-port UDP
 *       socket before a fresh one ({@code NetDbBuilder.udpMaxQueries}: fewer sockets, a port that
 *       stays fixed for that many queries); 0 gives every query its own port</td></tr>
 * </table>
 *
 * <p>The nameserver addresses must be numeric: parsing them never resolves a name.
 *
 * @param backend {@code "java"} or {@code "os"}
 * @param nameservers the nameservers replacing resolv.conf's, empty for resolv.conf's own
 * @param hosts the hosts file
 * @param resolvConf resolv.conf
 * @param gaiConf gai.conf
 * @param cache whether DNS answers are cached for their TTL
 * @param cacheMaxTtl the longest a DNS answer is cached
 * @param stale how long past expiry an answer may be served on failure
 * @param staleResponse how long a lookup waits for a refresh before a stale answer
 * @param refreshAhead whether answers in use are refreshed before they expire
 * @param tick how often warm lookups' clock is read, zero for every lookup
 * @param fileCheck how long a read of each file is trusted
 * @param disabled whether every lookup goes to the built-in resolver
 * @param udpMaxQueries DNS queries per UDP socket, 0 for one
 */
record ProviderSettings(
    String backend,
    List<InetSocketAddress> nameservers,
    Path hosts,
    Path resolvConf,
    Path gaiConf,
    boolean cache,
    Duration cacheMaxTtl,
    Duration stale,
    Duration staleResponse,
    boolean refreshAhead,
    Duration tick,
    Duration fileCheck,
    boolean disabled,
    int udpMaxQueries) {

  static final String BACKEND = "netdb.backend";
  static final String NAMESERVERS = "netdb.nameservers";
  static final String HOSTS = "netdb.hosts";
  static final String RESOLV_CONF = "netdb.resolvConf";
  static final String GAI_CONF = "netdb.gaiConf";
  static final String CACHE = "netdb.cache";
  static final String CACHE_MAX_TTL = "netdb.cache.maxTtl";
  static final String CACHE_STALE = "netdb.cache.stale";
  static final String CACHE_STALE_RESPONSE = "netdb.cache.staleResponseMillis";
  static final String CACHE_REFRESH_AHEAD = "netdb.cache.refreshAhead";
  static final String CACHE_TICK = "netdb.cache.tickMillis";
  static final String FILE_CHECK = "netdb.fileCheckMillis";
  static final String DISABLE = "netdb.disable";
  static final String UDP_MAX_QUERIES = "netdb.udpMaxQueries";

  private static final System.Logger LOG = System.getLogger(NetDbResolverProvider.class.getName());

  /** Copies the nameserver list. */
  ProviderSettings {
    nameservers = List.copyOf(nameservers);
  }

  /** Reads the settings from the JVM's system properties, logging each bad value once. */
  static ProviderSettings fromSystemProperties() {
    return from(System.getProperties(), (key, why) ->
        LOG.log(Level.WARNING, "netdb: ignoring {0}: {1}; using the default", key, why));
  }

  /** Reads the settings from {@code props}; {@code bad} is told of each bad value (key, reason). */
  static ProviderSettings from(Properties props, BiConsumer<String, String> bad) {
    String backend = props.getProperty(BACKEND, "java").strip().toLowerCase(Locale.ROOT);
    if (!backend.equals("java") && !backend.equals("os")) {
      bad.accept(BACKEND, "'" + props.getProperty(BACKEND) + "' is neither java nor os");
      backend = "java";
    }
    List<InetSocketAddress> servers = List.of();
    String ns = props.getProperty(NAMESERVERS);
    if (ns != null) {
      try {
        servers = nameservers(ns);
      } catch (IllegalArgumentException e) {
        bad.accept(NAMESERVERS, e.getMessage());
      }
    }
    return new ProviderSettings(
        backend,
        servers,
        path(props, HOSTS, "/etc/hosts", bad),
        path(props, RESOLV_CONF, "/etc/resolv.conf", bad),
        path(props, GAI_CONF, "/etc/gai.conf", bad),
        bool(props, CACHE, true, bad),
        Duration.ofSeconds(seconds(props, CACHE_MAX_TTL, 86_400, bad)),
        // RFC 8767 §5 suggests a max stale timer of 1 to 3 days: one day covers an outage of the
        // nameservers overnight, while a record that truly moved is followed within a day.
        Duration.ofSeconds(seconds(props, CACHE_STALE, 86_400, bad)),
        Duration.ofMillis(seconds(props, CACHE_STALE_RESPONSE, 1_800, bad)),
        bool(props, CACHE_REFRESH_AHEAD, true, bad),
        Duration.ofMillis(seconds(props, CACHE_TICK, 10, bad)),
        Duration.ofMillis(seconds(props, FILE_CHECK, 1_000, bad)),
        bool(props, DISABLE, false, bad),
        udpMaxQueries(props, bad));
  }

  private static int udpMaxQueries(Properties props, BiConsumer<String, String> bad) {
    long n = seconds(props, UDP_MAX_QUERIES, 0, bad); // a whole number >= 0, like the durations
    if (n <= 65_536) {
      return (int) n;
    }
    bad.accept(UDP_MAX_QUERIES, "'" + props.getProperty(UDP_MAX_QUERIES) + "' is more than 65536");
    return 0;
  }

  /**
   * Parses {@code IP[:PORT],...}: an IPv4 address with an optional port, an IPv6 address alone or
   * in brackets with a port. The default port is 53.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  static List<InetSocketAddress> nameservers(String text) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String entry = raw.strip();
      String host = entry;
      int port = 53;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("'" + entry + "' has no closing ']'");
        }
        host = entry.substring(1, close);
        String rest = entry.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("'" + entry + "': expected ':PORT' after ']'");
          }
          port = port(entry, rest.substring(1));
        }
      } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
        int colon = entry.indexOf(':');
        host = entry.substring(0, colon);
        port = port(entry, entry.substring(colon + 1));
      }
      InetAddress address;
      try {
        address = InetAddress.ofLiteral(host); // a literal only: never a lookup
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + entry + "' is not a numeric IP address");
      }
      out.add(new InetSocketAddress(address, port));
    }
    return out;
  }

  private static int port(String entry, String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + entry + "' has a bad port (1-65535)");
  }

  private static Path path(Properties props, String key, String fallback, BiConsumer<String, String> bad) {
    String v = props.getProperty(key);
    if (v == null) {
      return Path.of(fallback);
    }
    try {
      if (v.isBlank()) {
        throw new InvalidPathException(v, "empty path");
      }
      return Path.of(v);
    } catch (InvalidPathException e) {
      bad.accept(key, "'" + v + "' is not a path");
      return Path.of(fallback);
    }
  }

  private static boolean bool(Properties props, String key, boolean fallback, BiConsumer<String, String> bad) {
    String v = props.getProperty(key);
    if (v == null) {
      return fallback;
    }
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    bad.accept(key, "'" + v + "' is neither true nor false");
    return fallback;
  }

  private static long seconds(Properties props, String key, long fallback, BiConsumer<String, String> bad) {
    String v = props.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      long s = Long.parseLong(v.strip());
      if (s >= 0) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    bad.accept(key, "'" + v + "' is not a whole number >= 0");
    return fallback;
  }
}
