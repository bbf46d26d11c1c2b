package dev.netdb.dns;

import dev.netdb.files.ConfigFile;
import dev.netdb.text.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads {@code resolv.conf} text as glibc 2.36 {@code res_vinit_1} and {@code res_setoptions}
 * ({@code resolv/res_init.c}) do, and never throws: bad or unknown lines are skipped and reported
 * as diagnostics.
 *
 * <ul>
 *   <li>Only lines starting with {@code ;} or {@code #} are comments; a keyword must be followed by
 *       a space or tab; other lines are ignored.
 *   <li>{@code nameserver}: an {@code inet_aton} IPv4 address (so {@code 127.1} and trailing text
 *       after a space are accepted) or an IPv6 literal, a {@code %scope} cut off; port 53. Only the
 *       first {@value ResolverConfig#MAX_NAMESERVERS} are used ({@code MAXNS}). None gives
 *       127.0.0.1.
 *   <li>{@code domain} (first word) and {@code search} (every word) replace the search list: the
 *       last such line wins. {@code LOCALDOMAIN} in the environment overrides both. At most
 *       {@value ResolverConfig#MAX_SEARCH} domains are used ({@code MAXDNSRCH}). With none, the
 *       part of the host name after its first dot is the search list ({@code domain_from_hostname}).
 *   <li>{@code options} and then {@code RES_OPTIONS}: words split on spaces and tabs, each matched
 *       by prefix as glibc's {@code strncmp} does; {@code ndots:} (≤ 15), {@code timeout:} (≤ 30),
 *       {@code attempts:} (≤ 5) take {@code atoi} values; {@code rotate}, {@code edns0}, {@code
 *       single-request-reopen}, {@code single-request}, {@code no-tld-query} / {@code
 *       no_tld_query}, {@code use-vc}, {@code trust-ad}, {@code no-aaaa}; {@code inet6}, {@code
 *       no-reload} and {@code debug} are accepted and have no effect here.
 * </ul>
 *
 * Left out: {@code sortlist} (parsed by glibc but unused by {@code getaddrinfo}), {@code
 * HOSTALIASES}.
 */
public final class ResolvConfParser {
  private ResolvConfParser() {}

  /**
   * Returns a holder of the settings of resolv.conf at {@code path}, re-read when it changes as
   * glibc 2.26+ {@code __resolv_conf_get_current} does (identity, size and time), checked at most
   * once per {@code checkInterval} of {@code clock} (zero: every call, as glibc). A missing file
   * gives glibc's defaults and a diagnostic saying so; the text is taken byte for byte
   * (ISO-8859-1), as C reads it.
   *
   * @param env the environment for {@code LOCALDOMAIN} and {@code RES_OPTIONS}
   * @param hostname the host name, for the default search domain (asked at each re-read)
   */
  public static ConfigFile<ResolverConfig> watch(Path path, Map<String, String> env,
      Supplier<String> hostname, Duration checkInterval, LongSupplier clock) {
    Map<String, String> environment = Map.copyOf(env);
    return watch(path, () -> environment, hostname, checkInterval, clock);
  }

  /**
   * Returns a holder as {@link #watch(Path, Map, Supplier, Duration, LongSupplier)} does, asking
   * {@code env} for the environment at each read: {@code System::getenv}, whose first call builds
   * the process's whole environment map, is then not called before a DNS lookup needs the file.
   *
   * @param env the environment for {@code LOCALDOMAIN} and {@code RES_OPTIONS}
   * @param hostname the host name, for the default search domain (asked at each re-read)
   */
  public static ConfigFile<ResolverConfig> watch(Path path, Supplier<Map<String, String>> env,
      Supplier<String> hostname, Duration checkInterval, LongSupplier clock) {
    return new ConfigFile<>(path, content -> {
      String text = content == null ? null : new String(content, StandardCharsets.ISO_8859_1);
      ResolverConfig cfg = parse(text, path.toString(), env.get(), hostname.get());
      return content != null ? cfg
          : cfg.toBuilder().diagnostic(path + ": missing; glibc defaults used").build();
    }, ResolverConfig::diagnostics, checkInterval, clock, 0);
  }

  /**
   * Returns the settings for resolv.conf text (null when the file is missing), an environment (for
   * {@code LOCALDOMAIN} and {@code RES_OPTIONS}) and the host name.
   *
   * @param source the file name used in diagnostics
   */
  public static ResolverConfig parse(String text, String source, Map<String, String> env, String hostname) {
    State s = new State(source);
    String localDomain = env.get("LOCALDOMAIN");
    if (localDomain != null) {
      int nl = localDomain.indexOf('\n');
      s.search = words(nl >= 0 ? localDomain.substring(0, nl) : localDomain, true);
    }
    if (text != null) {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        s.line(lines[i], i + 1, localDomain != null);
      }
    }
    if (s.nameservers.isEmpty()) {
      s.nameservers.add(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 53));
    } else if (s.nameservers.size() > ResolverConfig.MAX_NAMESERVERS) {
      s.b.diagnostic(source + ": only the first 3 nameservers are used (glibc MAXNS), "
          + (s.nameservers.size() - 3) + " ignored");
      s.nameservers.subList(ResolverConfig.MAX_NAMESERVERS, s.nameservers.size()).clear();
    }
    if (s.search == null || s.search.isEmpty()) {
      int dot = hostname == null ? -1 : hostname.indexOf('.');
      s.search = dot >= 0 ? new ArrayList<>(List.of(hostname.substring(dot + 1))) : new ArrayList<>();
    }
    if (s.search.size() > ResolverConfig.MAX_SEARCH) {
      s.b.diagnostic(source + ": only the first 6 search domains are used (glibc MAXDNSRCH)");
      s.search.subList(ResolverConfig.MAX_SEARCH, s.search.size()).clear();
    }
    String resOptions = env.get("RES_OPTIONS");
    if (resOptions != null) s.options(resOptions, "RES_OPTIONS");
    return s.b.nameservers(s.nameservers).search(s.search).build();
  }

  /** Splits on spaces and tabs; with {@code keepEmpty}, an empty text is one empty word (glibc). */
  private static ArrayList<String> words(String text, boolean keepEmpty) {
    ArrayList<String> out = new ArrayList<>();
    for (String w : text.split("[ \t]+", -1)) {
      if (!w.isEmpty()) out.add(w);
    }
    if (out.isEmpty() && keepEmpty && !text.startsWith(" ") && !text.startsWith("\t")) out.add("");
    return out;
  }

  private static final class State {
    final String source;
    final ResolverConfig.Builder b = ResolverConfig.builder();
    final List<InetSocketAddress> nameservers = new ArrayList<>();
    List<String> search;

    State(String source) {
      this.source = source;
    }

    void line(String raw, int number, boolean haveEnv) {
      String line = raw; // glibc keeps a \r, which then spoils the last word of the line
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) return;
      String where = source + ":" + number;
      if (matches(line, "domain")) {
        if (haveEnv) return; // LOCALDOMAIN overrides the file
        List<String> w = words(line.substring(6), false);
        if (w.isEmpty()) return;
        search = new ArrayList<>(List.of(w.getFirst()));
      } else if (matches(line, "search")) {
        if (haveEnv) return;
        List<String> w = words(line.substring(6), false);
        if (w.isEmpty()) return;
        search = new ArrayList<>(w);
      } else if (matches(line, "nameserver")) {
        InetSocketAddress ns = nameserver(line.substring(10).stripLeading());
        if (ns == null) {
          b.diagnostic(where + ": not an IP address: " + line);
        } else {
          nameservers.add(ns);
        }
      } else if (matches(line, "options")) {
        options(line.substring(7), where);
      } else if (!matches(line, "sortlist")) {
        b.diagnostic(where + ": unknown line ignored: " + line);
      }
    }

    private static boolean matches(String line, String keyword) {
      return line.length() > keyword.length()
          && line.startsWith(keyword)
          && (line.charAt(keyword.length()) == ' ' || line.charAt(keyword.length()) == '\t');
    }

    private static InetSocketAddress nameserver(String text) {
      byte[] v4 = text.isEmpty() ? null : IpLiterals.aton(text);
      if (v4 != null) return socket(v4, 0);
      int end = 0;
      while (end < text.length() && " \t".indexOf(text.charAt(end)) < 0) end++;
      String literal = text.substring(0, end);
      int pct = literal.indexOf('%');
      String scope = pct >= 0 ? literal.substring(pct + 1) : null;
      if (pct >= 0) literal = literal.substring(0, pct);
      byte[] v6 = literal.isEmpty() ? null : IpLiterals.pton6(literal);
      if (v6 == null) return null;
      int scopeId = 0;
      if (scope != null && scope.matches("[0-9]{1,9}")) scopeId = Integer.parseInt(scope); // names ignored
      return socket(v6, scopeId);
    }

    private static InetSocketAddress socket(byte[] address, int scopeId) {
      try {
        InetAddress a = address.length == 16 && scopeId != 0
            ? Inet6Address.getByAddress(null, address, scopeId)
            : InetAddress.getByAddress(address);
        return new InetSocketAddress(a, 53);
      } catch (UnknownHostException e) {
        return null;
      }
    }

    void options(String text, String where) {
      for (String w : text.split("[ \t]+")) {
        if (w.isEmpty()) continue;
        if (w.startsWith("ndots:")) {
          int n = atoi(w.substring(6));
          if (n < 0) {
            // glibc stores the int into a 4-bit unsigned field: -1 becomes 15 (measured)
            b.diagnostic(where + ": ndots:" + n + " is negative; glibc keeps its low 4 bits, " + (n & 0xF));
            b.ndots(n & 0xF);
          } else {
            b.ndots(clamp(where, "ndots", n, ResolverConfig.MAX_NDOTS));
          }
        } else if (w.startsWith("timeout:")) {
          int n = clamp(where, "timeout", atoi(w.substring(8)), ResolverConfig.MAX_TIMEOUT_SECONDS);
          // glibc stores 0 or less as is, but send_dg then waits at least one second
          b.timeout(Duration.ofSeconds(Math.max(1, n)));
        } else if (w.startsWith("attempts:")) {
          // glibc stores 0 or less as is; res_send then makes no attempt at all
          b.attempts(clamp(where, "attempts", atoi(w.substring(9)), ResolverConfig.MAX_ATTEMPTS));
        } else if (w.startsWith("rotate")) {
          b.rotate(true);
        } else if (w.startsWith("edns0")) {
          b.edns0(true);
        } else if (w.startsWith("single-request")) { // also single-request-reopen
          b.singleRequest(true);
        } else if (w.startsWith("no_tld_query") || w.startsWith("no-tld-query")) {
          b.noTldQuery(true);
        } else if (w.startsWith("use-vc")) {
          b.useVc(true);
        } else if (w.startsWith("trust-ad")) {
          b.trustAd(true);
        } else if (w.startsWith("no-aaaa")) {
          b.noAaaa(true);
        } else if (!w.startsWith("inet6") && !w.startsWith("no-reload") && !w.startsWith("debug")) {
          b.diagnostic(where + ": unknown option ignored: " + w);
        }
      }
    }

    private int clamp(String where, String name, int value, int max) {
      if (value > max) {
        b.diagnostic(where + ": " + name + ":" + value + " clamped to " + max + " as glibc does");
        return max;
      }
      if (value < 0) {
        b.diagnostic(where + ": " + name + ":" + value + " is negative; treated as 0");
        return 0;
      }
      return value;
    }

    /** C {@code atoi}: optional sign and leading digits, 0 when there are none; saturates. */
    private static int atoi(String s) {
      int i = 0;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
      boolean neg = false;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
      long v = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = Math.min(v * 10 + (s.charAt(i++) - '0'), 1L << 31);
      }
      v = neg ? -v : v;
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
  }
}
