package dev.netdb.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a seeded corpus of {@code getaddrinfo} calls for differential tests: one JSON array
 * {@code [host, port, family, type, proto, flags]} per line, the batch format of the CLI
 * ({@code ./netdb --json getaddrinfo -}) and of {@code tools/oracle.py getaddrinfo}.
 *
 * <p>Constants are written as Python names where Python has one ({@code "AF_INET6"}, {@code
 * "SOCK_DGRAM"}, {@code "IPPROTO_TCP"}, flags as {@code "AI_PASSIVE|AI_CANONNAME"}) and as
 * numbers otherwise (bad flag bits, unknown families, {@code SOCK_STREAM|SOCK_CLOEXEC}). Hosts
 * cross the fixture hosts file, {@link TestZone}, numeric forms, {@code "*"}, null and invalid
 * IDNA; ports cross numbers, {@code strtoul} forms, service names and bad values (including a
 * bool and a float, which Python rejects).
 *
 * <p>The corpus has three parts: every one of the 128 combinations of the seven AI_* flags with
 * a fixed set of hosts; every family × type × proto with one numeric host; then random calls
 * (every host of the pool; ports, families, types and protocols three times in four from the
 * common values, so that many calls succeed, otherwise from all values) drawn with {@link Random} (its algorithm is fixed by the JDK specification, so a seed gives
 * the same corpus on every JDK) until the requested size. Lines are distinct.
 *
 * <p>Many hosts are not in the fixture hosts file, so the corpus must run only inside the
 * {@link OracleNamespace}, never against the machine's resolver.
 */
public final class GetaddrinfoCorpus {
  /** Gives the seed of the default corpus. */
  public static final long DEFAULT_SEED = 20261125L;

  /** Gives the size of the default corpus. */
  public static final int DEFAULT_SIZE = 6000;

  /** Marks Python's None in the pools (List.of rejects null). */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** Lists the seven AI_* flags Python exports, in bit order. */
  public static final List<String> AI_FLAGS = List.of(
      "AI_PASSIVE", "AI_CANONNAME", "AI_NUMERICHOST", "AI_V4MAPPED", "AI_ALL", "AI_ADDRCONFIG",
      "AI_NUMERICSERV");

  /** Lists host arguments (null is Python's None). */
  public static final List<String> HOSTS = hosts();

  /** Lists port arguments: Integer, Long, String, Boolean, Double or null. */
  static final List<Object> PORTS = List.of(
      NULL, 0, 80, 443, 65535, 65536, 70000, -1, 2147483648L, 4294967376L,
      "80", " 80", "+80", "0080", "0x50", "80 ", "", "-1", "65536", "70000", "4294967376",
      "2147483648", "http", "https", "www", "tftp", "amqp", "domain", "ssh", "sctp-tunneling",
      "HTTP", "nosuchservice", "*", "http ", "8O", true, 80.0);

  /** Lists family arguments. */
  static final List<Object> FAMILIES =
      List.of("AF_UNSPEC", "AF_INET", "AF_INET6", "AF_UNIX", 0, 2, 10, 1, 3, 17, -1);

  /** Lists socket-type arguments; 524289 is SOCK_STREAM|SOCK_CLOEXEC, 6 SOCK_DCCP. */
  static final List<Object> TYPES = List.of(
      0, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET", 1, 6, 10, 524289,
      -1);

  /** Lists protocol arguments; 33 is DCCP, which Python does not name. */
  static final List<Object> PROTOS = List.of(
      0, "IPPROTO_TCP", "IPPROTO_UDP", "IPPROTO_SCTP", "IPPROTO_UDPLITE", "IPPROTO_RAW",
      "IPPROTO_ICMP", "IPPROTO_IPV6", 6, 17, 33, 99, -1);

  /** Lists the values most calls use, so that a good share of calls succeed. */
  static final List<Object> COMMON_FAMILIES = List.of("AF_UNSPEC", "AF_INET", "AF_INET6", 0);

  /** Lists the socket types most calls use. */
  static final List<Object> COMMON_TYPES = List.of(0, "SOCK_STREAM", "SOCK_DGRAM", 0);

  /** Lists the protocols most calls use. */
  static final List<Object> COMMON_PROTOS = List.of(0, 0, 0, "IPPROTO_TCP", "IPPROTO_UDP");

  /** Lists the ports most calls use. */
  static final List<Object> COMMON_PORTS = List.of(NULL, 0, 80, "80", "http", "domain", 443);

  /** Lists flag values outside the seven named flags: AI_IDN, AI_CANONIDN, junk, negative. */
  static final List<Object> BAD_FLAGS =
      List.of(0x40, 0x80, 0x100, 0x200, 0x800, 0x12345, 0x10000, 1 << 30, -1, 0x40 | 0x2);

  private GetaddrinfoCorpus() {}

  /** Returns the default corpus ({@value #DEFAULT_SIZE} lines, seed {@value #DEFAULT_SEED}). */
  public static List<String> generate() {
    return generate(DEFAULT_SEED, DEFAULT_SIZE);
  }

  /** Returns {@code size} distinct calls (at least the fixed parts) for {@code seed}. */
  public static List<String> generate(long seed, int size) {
    Random random = new Random(seed);
    Set<String> lines = new LinkedHashSet<>();
    List<String> flagHosts = List.of(
        "localhost", "th", "multi.example", TestZone.WWW, TestZone.DUAL, "127.0.0.1", "::1",
        "*");
    for (int bits = 0; bits < 1 << AI_FLAGS.size(); bits++) {
      for (String host : flagHosts) {
        lines.add(line(host, pick(random, PORTS), pick(random, FAMILIES), pick(random, TYPES),
            0, flagsName(bits)));
      }
      lines.add(line(null, 80, "AF_UNSPEC", "SOCK_STREAM", 0, flagsName(bits)));
    }
    for (Object family : FAMILIES) {
      for (Object type : TYPES) {
        for (Object proto : PROTOS) {
          lines.add(line("127.0.0.1", 80, family, type, proto, 0));
        }
      }
    }
    int guard = 0;
    while (lines.size() < size && guard++ < size * 20) {
      lines.add(line(
          pick(random, HOSTS), mostly(random, COMMON_PORTS, PORTS),
          mostly(random, COMMON_FAMILIES, FAMILIES), mostly(random, COMMON_TYPES, TYPES),
          mostly(random, COMMON_PROTOS, PROTOS), randomFlags(random)));
    }
    return List.copyOf(lines);
  }

  /** Returns the Python spelling of a combination of the seven flags ({@code 0} when none). */
  public static Object flagsName(int bits) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < AI_FLAGS.size(); i++) {
      if ((bits & (1 << i)) != 0) {
        names.add(AI_FLAGS.get(i));
      }
    }
    return names.isEmpty() ? 0 : String.join("|", names);
  }

  /** Picks from {@code common} three times in four, otherwise from {@code all}. */
  private static Object mostly(Random random, List<Object> common, List<Object> all) {
    return random.nextInt(4) < 3 ? pick(random, common) : pick(random, all);
  }

  /** Returns no flags, AI_CANONNAME or AI_PASSIVE (60 %), any named combination, or bad bits. */
  private static Object randomFlags(Random random) {
    int roll = random.nextInt(100);
    if (roll < 40) {
      return 0;
    }
    if (roll < 50) {
      return "AI_CANONNAME";
    }
    if (roll < 60) {
      return "AI_PASSIVE";
    }
    if (roll < 92) {
      return flagsName(random.nextInt(1 << AI_FLAGS.size()));
    }
    return BAD_FLAGS.get(random.nextInt(BAD_FLAGS.size()));
  }

  private static <T> T pick(Random random, List<T> pool) {
    return pool.get(random.nextInt(pool.size()));
  }

  /** Returns one call as a JSON array. */
  static String line(Object host, Object port, Object family, Object type, Object proto,
      Object flags) {
    StringBuilder out = new StringBuilder("[");
    List<Object> fields = List.of(
        host == null ? NULL : host, port == null ? NULL : port, family, type, proto, flags);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      json(out, fields.get(i));
    }
    return out.append(']').toString();
  }

  private static void json(StringBuilder out, Object value) {
    switch (value) {
      case String s -> {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '"' || c == '\\') {
            out.append('\\').append(c);
          } else if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
        out.append('"');
      }
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Double d -> out.append(d);
      case Boolean b -> out.append(b);
      default -> {
        if (value != NULL) {
          throw new IllegalArgumentException("not a JSON scalar: " + value);
        }
        out.append("null");
      }
    }
  }

  private static List<String> hosts() {
    List<String> h = new ArrayList<>();
    // Python's None and the wildcard.
    h.add(null);
    h.add("*");
    // The fixture hosts file (python-semantics.md §0), with case and trailing-dot variants.
    Collections.addAll(h, "localhost", "localhost.", "LOCALHOST", "Localhost",
        "testhost.example.org", "TestHost.Example.ORG", "testhost", "th", "ip6-localhost",
        "ip6-loopback", "ip6-localnet", "ip6-allnodes", "multi.example", "multi.example.",
        "MULTI.example", "multi-alias1", "multi-alias2", "multi6", "UPPER.Example.NET",
        "upper.example.net", "upper", "dup.example", "dup2", "v4only.example", "v6only.example",
        "scoped.example", "bad-entry-trailing", "hexaddr.example", "xn--bcher-kva.example",
        "b\u00fccher.example", "dotted.example.", "dotted.example", "strasse.example",
        "stra\u00dfe.example");
    // The test zone, served by NSD in the namespace.
    Collections.addAll(h, TestZone.WWW, TestZone.WEB, TestZone.HOST, TestZone.DUAL,
        TestZone.V4ONLY, TestZone.V6ONLY, TestZone.NXDOMAIN, TestZone.NODATA,
        TestZone.EMPTY_NON_TERMINAL, TestZone.ENT_CHILD, TestZone.DANGLING, TestZone.LOOP1,
        TestZone.WILDCARD_MATCH, TestZone.IDNA, TestZone.IDNA_UNICODE, TestZone.BIG40,
        TestZone.BIG100, TestZone.NS, TestZone.ZONE, TestZone.WWW + ".", "WWW.Example.TEST",
        "nosuchhost.invalid", "example.test.");
    // Numeric forms: inet_aton shorthand, trailing text, IPv6 with and without scopes.
    Collections.addAll(h, "127.0.0.1", "127.1", "0x7f.1", "0177.0.0.1", "127.0.0.1 ",
        "127.0.0.1 junk", " 127.0.0.1", "1.2.3.4", "255.255.255.255", "0.0.0.0", "4294967295",
        "4294967296", "192.0.2.110", "::1", "::", "::ffff:127.0.0.1", "::ffff:1.2.3.4",
        "2001:db8::10", "2001:db8::110", "fe80::1%lo", "fe80::1%1", "fe80::1%01", "::1%lo",
        "::1%1", "fe80::1%nosuch", "ff02::1%lo", "[::1]", "1:2:3:4:5:6:7:8", "1::2::3",
        "00000::1", "<broadcast>");
    // Names Python's IDNA codec or glibc rejects.
    Collections.addAll(h, "", ".", "a..b", ".example", "a".repeat(64) + ".example",
        "example." + "a".repeat(63), "example." + "a".repeat(64), "-", "under_score.example");
    return Collections.unmodifiableList(h);
  }
}
