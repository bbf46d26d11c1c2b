package dev.netdb.files;

import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The RFC 3484 policy tables of glibc 2.36's {@code getaddrinfo}, with {@code /etc/gai.conf}
 * applied as {@code gaiconf_init} applies it.
 *
 * <ul>
 *   <li>{@code label PREFIX/BITS VALUE} and {@code precedence PREFIX/BITS VALUE}: any such line
 *       replaces that whole default table; a {@code ::/0} entry (label 1, precedence 40) is added
 *       when none is given; entries are ordered by prefix length, longest first (stable).
 *   <li>{@code scopev4 ADDR/BITS VALUE} (IPv4 or {@code ::ffff:} form with bits 96-128): likewise
 *       for the IPv4 scope table, with a default {@code 0.0.0.0/0 14}.
 *   <li>{@code reload yes|no}: whether the file is re-read when it changes.
 * </ul>
 *
 * <p>Numbers are parsed as C {@code strtoul} (an empty value is 0, as in glibc); invalid lines are
 * skipped and described in {@link #diagnostics()}. Parsing never throws.
 *
 * @param labels the label table, most specific first, ending with a {@code ::/0} entry
 * @param precedences the precedence table, same shape
 * @param scopes the IPv4 scope table, most specific first, ending with {@code 0.0.0.0/0}
 * @param reload whether {@code reload yes} was given
 * @param diagnostics a description of each skipped line
 */
public record GaiConf(
    List<Prefix> labels, List<Prefix> precedences, List<Scope> scopes, boolean reload,
    List<String> diagnostics) {

  /** One policy-table entry: a 16-byte prefix, its length in bits and its value. */
  public record Prefix(byte[] prefix, int bits, int value) {
    /** Creates an entry; the prefix is copied. */
    public Prefix {
      prefix = prefix.clone();
    }

    /** Reports whether {@code addr} (16 bytes) lies in this prefix. */
    public boolean matches(byte[] addr) {
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (prefix[i] != addr[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff00 >> rest) & 0xff;
      return (prefix[full] & mask) == (addr[full] & mask);
    }
  }

  /** One IPv4 scope entry: network address and mask (host order) and scope value. */
  public record Scope(int address, int netmask, int value) {}

  /** Creates the tables; the lists become immutable. */
  public GaiConf {
    labels = List.copyOf(labels);
    precedences = List.copyOf(precedences);
    scopes = List.copyOf(scopes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Returns glibc's built-in tables (no gai.conf). */
  public static GaiConf defaults() {
    return new GaiConf(DEFAULT_LABELS, DEFAULT_PRECEDENCE, DEFAULT_SCOPES, false, List.of());
  }

  /**
   * Returns a supplier of the current tables for gai.conf at {@code path}: read on first use, then
   * re-read when the file changes only while the last read said {@code reload yes} (glibc reads it
   * once per process otherwise).
   */
  public static java.util.function.Supplier<GaiConf> watch(
      java.nio.file.Path path, java.time.Duration checkInterval, java.util.function.LongSupplier clock) {
    ConfigFile<GaiConf> file = new ConfigFile<>(path, b -> parse(ConfigText.latin1(b)),
        GaiConf::diagnostics, checkInterval, clock, 0);
    java.util.concurrent.atomic.AtomicReference<GaiConf> first = new java.util.concurrent.atomic.AtomicReference<>();
    return () -> {
      GaiConf held = first.get();
      if (held != null && !held.reload()) {
        return held;
      }
      GaiConf now = file.get();
      first.set(now);
      return now;
    };
  }

  /** Parses gai.conf text; never throws. */
  public static GaiConf parse(String text) {
    List<Prefix> labels = new ArrayList<>();
    List<Prefix> precs = new ArrayList<>();
    List<Scope> scopes = new ArrayList<>();
    List<String> diags = new ArrayList<>();
    boolean reload = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int cut = line.indexOf('#');
      if (cut >= 0) {
        line = line.substring(0, cut);
      }
      int nul = line.indexOf('\0');
      if (nul >= 0) {
        line = line.substring(0, nul);
      }
      List<String> w = words(line);
      // glibc: "We always need at least two values" - a command and its first value.
      if (w.size() < 2) {
        if (!w.isEmpty()) {
          diags.add("line " + (i + 1) + ": missing value after " + w.get(0));
        }
        continue;
      }
      String cmd = w.get(0);
      String v1 = w.get(1);
      String v2 = w.size() > 2 ? w.get(2) : "";
      boolean ok = switch (cmd) {
        case "label" -> addPrefix(labels, v1, v2);
        case "precedence" -> addPrefix(precs, v1, v2);
        case "scopev4" -> addScope(scopes, v1, v2);
        case "reload" -> {
          reload = v1.equals("yes");
          yield true;
        }
        default -> false;
      };
      if (!ok) {
        diags.add("line " + (i + 1) + ": ignored: " + line.strip());
      }
    }
    return new GaiConf(
        labels.isEmpty() ? DEFAULT_LABELS : finish(labels, 1),
        precs.isEmpty() ? DEFAULT_PRECEDENCE : finish(precs, 40),
        scopes.isEmpty() ? DEFAULT_SCOPES : finishScopes(scopes),
        reload,
        diags);
  }

  /** Returns the label of a 16-byte address (IPv4 as {@code ::ffff:a.b.c.d}). */
  public int label(byte[] addr16) {
    return lookup(labels, addr16);
  }

  /** Returns the precedence of a 16-byte address (IPv4 as {@code ::ffff:a.b.c.d}). */
  public int precedence(byte[] addr16) {
    return lookup(precedences, addr16);
  }

  /** Returns the scope of an IPv4 address from the scopev4 table. */
  public int scopeV4(byte[] addr4) {
    int a = ((addr4[0] & 0xff) << 24) | ((addr4[1] & 0xff) << 16) | ((addr4[2] & 0xff) << 8) | (addr4[3] & 0xff);
    for (Scope s : scopes) {
      if ((a & s.netmask()) == s.address()) {
        return s.value();
      }
    }
    return 14;
  }

  private static int lookup(List<Prefix> table, byte[] addr16) {
    for (Prefix p : table) {
      if (p.matches(addr16)) {
        return p.value();
      }
    }
    return table.getLast().value();
  }

  private static boolean addPrefix(List<Prefix> out, String v1, String v2) {
    int slash = v1.indexOf('/');
    String addr = slash >= 0 ? v1.substring(0, slash) : v1;
    byte[] prefix = IpLiterals.pton6(addr);
    if (prefix == null) {
      return false;
    }
    long bits = 128;
    if (slash >= 0) {
      Long b = strtoul(v1.substring(slash + 1));
      if (b == null || Long.compareUnsigned(b, 128) > 0) {
        return false;
      }
      bits = b;
    }
    Long val = strtoul(v2);
    if (val == null || Long.compareUnsigned(val, Integer.MAX_VALUE) > 0) {
      return false;
    }
    out.add(new Prefix(prefix, (int) bits, (int) (long) val));
    return true;
  }

  private static boolean addScope(List<Scope> out, String v1, String v2) {
    int slash = v1.indexOf('/');
    String addr = slash >= 0 ? v1.substring(0, slash) : v1;
    String bitsText = slash >= 0 ? v1.substring(slash + 1) : null;
    byte[] v6 = IpLiterals.pton6(addr);
    byte[] v4;
    long bits;
    if (v6 != null) {
      // The ::ffff:a.b.c.d form, with bits 96-128.
      if (!IpLiterals.isV4Mapped(v6)) {
        return false;
      }
      bits = 128;
      if (bitsText != null) {
        Long b = strtoul(bitsText);
        if (b == null || b < 96 || b > 128) {
          return false;
        }
        bits = b - 96;
      } else {
        bits = 32;
      }
      v4 = java.util.Arrays.copyOfRange(v6, 12, 16);
    } else {
      v4 = IpLiterals.pton4(addr);
      if (v4 == null) {
        return false;
      }
      bits = 32;
      if (bitsText != null) {
        Long b = strtoul(bitsText);
        if (b == null || Long.compareUnsigned(b, 32) > 0) {
          return false;
        }
        bits = b;
      }
    }
    Long val = strtoul(v2);
    if (val == null || Long.compareUnsigned(val, Integer.MAX_VALUE) > 0) {
      return false;
    }
    int mask = bits == 0 ? 0 : (int) (0xFFFFFFFFL << (32 - bits));
    int a = ((v4[0] & 0xff) << 24) | ((v4[1] & 0xff) << 16) | ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    out.add(new Scope(a & mask, mask, (int) (long) val));
    return true;
  }

  /** Parses as C {@code strtoul(s, &end, 10)} with {@code *end == '\0'} required; "" is 0. */
  private static Long strtoul(String s) {
    if (s.isEmpty()) {
      return 0L;
    }
    Long v = IpLiterals.strtoulWhole(s);
    return v;
  }

  private static List<Prefix> finish(List<Prefix> entries, int defaultValue) {
    List<Prefix> out = new ArrayList<>(entries);
    if (out.stream().noneMatch(p -> p.bits() == 0)) {
      out.add(new Prefix(new byte[16], 0, defaultValue));
    }
    out.sort(Comparator.comparingInt(Prefix::bits).reversed());
    return out;
  }

  private static List<Scope> finishScopes(List<Scope> entries) {
    List<Scope> out = new ArrayList<>(entries);
    if (out.stream().noneMatch(s -> s.netmask() == 0)) {
      out.add(new Scope(0, 0, 14));
    }
    out.sort(Comparator.comparingInt((Scope s) -> Integer.bitCount(s.netmask())).reversed());
    return out;
  }

  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && IpLiterals.isCSpace(line.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && !IpLiterals.isCSpace(line.charAt(i))) {
        i++;
      }
      if (i > s) {
        out.add(line.substring(s, i));
      }
    }
    return out;
  }

  private static Prefix p(String addr, int bits, int value) {
    return new Prefix(IpLiterals.pton6(addr), bits, value);
  }

  // glibc 2.36 default_labels / default_precedence (RFC 3484 section 2.1 plus glibc's additions).
  private static final List<Prefix> DEFAULT_LABELS =
      List.of(
          p("::1", 128, 0), p("2002::", 16, 2), p("::", 96, 3), p("::ffff:0:0", 96, 4),
          p("fec0::", 10, 5), p("fc00::", 7, 6), p("2001::", 32, 7), p("::", 0, 1));
  private static final List<Prefix> DEFAULT_PRECEDENCE =
      List.of(p("::1", 128, 50), p("2002::", 16, 30), p("::", 96, 20), p("::ffff:0:0", 96, 10),
          p("::", 0, 40));
  // glibc 2.36 default_scopes: 169.254/16 and 127/8 are link-local (2), the rest global (14).
  private static final List<Scope> DEFAULT_SCOPES =
      List.of(new Scope(0xA9FE0000, 0xFFFF0000, 2), new Scope(0x7F000000, 0xFF000000, 2),
          new Scope(0, 0, 14));
}
