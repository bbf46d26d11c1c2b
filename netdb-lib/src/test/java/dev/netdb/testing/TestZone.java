package dev.netdb.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates the DNS test data served by {@link NsdServer} and inside {@link OracleNamespace}: the
 * forward zone {@value #ZONE}, the reverse zones {@value #REVERSE_V4_ZONE} and {@value
 * #REVERSE_V6_ZONE}, and optionally an empty root zone.
 *
 * <p>Every name tests may refer to is a documented constant, with its addresses. The addresses
 * come from documentation ranges (192.0.2.0/24, 2001:db8::/32, and 198.18.0.0/15 for the big
 * sets) and none of them appears in the fixture hosts file ({@code fixture-hosts}), so a reverse
 * lookup of a zone address always reaches DNS. All records have TTL {@value #TTL}; the SOA minimum
 * (negative-caching TTL) is {@value #NEGATIVE_TTL}.
 */
public final class TestZone {
  /** Names the forward test zone. */
  public static final String ZONE = "example.test";

  /** Names the IPv4 reverse zone (192.0.2.0/24). */
  public static final String REVERSE_V4_ZONE = "2.0.192.in-addr.arpa";

  /** Names the IPv6 reverse zone (2001:db8::/64). */
  public static final String REVERSE_V6_ZONE = "0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";

  /** Gives every record's TTL, in seconds. */
  public static final int TTL = 300;

  /** Gives the SOA minimum field, the negative-answer TTL of RFC 2308, in seconds. */
  public static final int NEGATIVE_TTL = 60;

  /** Names the zone's name server; it has the A record {@value #NS_ADDRESS}. */
  public static final String NS = "ns.example.test";

  /** Gives the address of {@link #NS}. */
  public static final String NS_ADDRESS = "192.0.2.53";

  /** Names the head of the CNAME chain www → web → host. */
  public static final String WWW = "www.example.test";

  /** Names the middle of the CNAME chain: {@code web CNAME host}. */
  public static final String WEB = "web.example.test";

  /** Names the end of the CNAME chain; it has {@link #HOST_V4} and {@link #HOST_V6}. */
  public static final String HOST = "host.example.test";

  /** Gives the A records of {@link #HOST}, in zone order. */
  public static final List<String> HOST_V4 = List.of("192.0.2.110", "192.0.2.111");

  /** Gives the AAAA records of {@link #HOST}. */
  public static final List<String> HOST_V6 = List.of("2001:db8::110");

  /** Names a host with several A and several AAAA records. */
  public static final String DUAL = "dual.example.test";

  /** Gives the A records of {@link #DUAL}. */
  public static final List<String> DUAL_V4 = List.of("192.0.2.120", "192.0.2.121", "192.0.2.122");

  /** Gives the AAAA records of {@link #DUAL}. */
  public static final List<String> DUAL_V6 = List.of("2001:db8::120", "2001:db8::121");

  /** Names a host with one A record ({@link #V4ONLY_ADDRESS}) and no AAAA (NODATA for AAAA). */
  public static final String V4ONLY = "v4only.example.test";

  /** Gives the address of {@link #V4ONLY}. */
  public static final String V4ONLY_ADDRESS = "192.0.2.130";

  /** Names a host with one AAAA record ({@link #V6ONLY_ADDRESS}) and no A (NODATA for A). */
  public static final String V6ONLY = "v6only.example.test";

  /** Gives the address of {@link #V6ONLY}. */
  public static final String V6ONLY_ADDRESS = "2001:db8::131";

  /** Names a name that does not exist in the zone: NXDOMAIN. */
  public static final String NXDOMAIN = "nosuch.example.test";

  /** Names a name that has only a TXT record: NOERROR with no A or AAAA (NODATA). */
  public static final String NODATA = "nodata.example.test";

  /**
   * Names an empty non-terminal: it owns no records but {@link #ENT_CHILD} lies below it, so
   * NSD answers NOERROR/NODATA rather than NXDOMAIN.
   */
  public static final String EMPTY_NON_TERMINAL = "ent.example.test";

  /** Names the name below {@link #EMPTY_NON_TERMINAL}; it has A {@link #ENT_CHILD_ADDRESS}. */
  public static final String ENT_CHILD = "leaf.ent.example.test";

  /** Gives the address of {@link #ENT_CHILD}. */
  public static final String ENT_CHILD_ADDRESS = "192.0.2.140";

  /** Names a CNAME whose target {@link #DANGLING_TARGET} does not exist (NXDOMAIN + CNAME). */
  public static final String DANGLING = "dangling.example.test";

  /** Names the missing target of {@link #DANGLING}. */
  public static final String DANGLING_TARGET = "missing.example.test";

  /** Names one end of the CNAME loop {@code loop1 → loop2 → loop1}. */
  public static final String LOOP1 = "loop1.example.test";

  /** Names the other end of the CNAME loop. */
  public static final String LOOP2 = "loop2.example.test";

  /** Names the wildcard owner; any name below {@code wild.example.test} matches it. */
  public static final String WILDCARD = "*.wild.example.test";

  /** Names one name that exists only through {@link #WILDCARD}. */
  public static final String WILDCARD_MATCH = "anything.wild.example.test";

  /** Gives the A record of the wildcard. */
  public static final String WILDCARD_V4 = "192.0.2.150";

  /** Gives the AAAA record of the wildcard. */
  public static final String WILDCARD_V6 = "2001:db8::150";

  /** Names the IDNA (punycode) host, the ACE form of {@link #IDNA_UNICODE}. */
  public static final String IDNA = "xn--bcher-kva.example.test";

  /** Gives the Unicode spelling of {@link #IDNA}, as Python's idna codec would encode it. */
  public static final String IDNA_UNICODE = "b\u00fccher.example.test";

  /** Gives the address of {@link #IDNA}. */
  public static final String IDNA_ADDRESS = "192.0.2.160";

  /** Names a host with {@link #BIG40_COUNT} A records: its answer needs TCP without EDNS. */
  public static final String BIG40 = "big40.example.test";

  /** Gives the number of A records of {@link #BIG40}. */
  public static final int BIG40_COUNT = 40;

  /** Names a host with {@link #BIG100_COUNT} A records: TCP is needed even with EDNS 1232. */
  public static final String BIG100 = "big100.example.test";

  /** Gives the number of A records of {@link #BIG100}. */
  public static final int BIG100_COUNT = 100;

  /** Gives the one address whose reverse name has a single PTR record, {@link #HOST}. */
  public static final String PTR_ONE_V4 = "192.0.2.110";

  /** Gives the IPv6 address whose reverse name has a single PTR record, {@link #HOST}. */
  public static final String PTR_ONE_V6 = "2001:db8::110";

  /** Gives the address whose reverse name has two PTR records, {@link #PTR_TWO_NAMES}. */
  public static final String PTR_TWO_V4 = "192.0.2.120";

  /** Gives the IPv6 address whose reverse name has two PTR records, {@link #PTR_TWO_NAMES}. */
  public static final String PTR_TWO_V6 = "2001:db8::120";

  /** Gives the two PTR targets of {@link #PTR_TWO_V4} and {@link #PTR_TWO_V6}, in zone order. */
  public static final List<String> PTR_TWO_NAMES = List.of(DUAL, "dual-alt.example.test");

  /** Gives an address inside the IPv4 reverse zone that has no PTR record (NXDOMAIN). */
  public static final String PTR_NONE_V4 = "192.0.2.99";

  private TestZone() {}

  /** Returns the A records of {@link #BIG40}: 198.18.0.1 to 198.18.0.40, in zone order. */
  public static List<String> big40Addresses() {
    return range("198.18.0.", BIG40_COUNT);
  }

  /** Returns the A records of {@link #BIG100}: 198.18.1.1 to 198.18.1.100, in zone order. */
  public static List<String> big100Addresses() {
    return range("198.18.1.", BIG100_COUNT);
  }

  /** Returns the forward and both reverse zones. */
  public static List<ZoneFile> zones() {
    return List.of(forwardZone(), reverseV4Zone(), reverseV6Zone());
  }

  /**
   * Returns {@link #zones()} plus an empty root zone, which makes NSD answer NXDOMAIN (instead of
   * REFUSED) for every name outside the test zones, as a real recursive resolver would for names
   * that do not exist. The oracle namespace serves this set.
   */
  public static List<ZoneFile> zonesWithRoot() {
    List<ZoneFile> all = new ArrayList<>(zones());
    all.add(rootZone());
    return List.copyOf(all);
  }

  /** Returns the zone {@value #ZONE}. */
  public static ZoneFile forwardZone() {
    StringBuilder z = header(ZONE);
    z.append("ns\tA\t").append(NS_ADDRESS).append('\n');
    z.append("www\tCNAME\tweb\n");
    z.append("web\tCNAME\thost\n");
    addresses(z, "host", HOST_V4, HOST_V6);
    addresses(z, "dual", DUAL_V4, DUAL_V6);
    addresses(z, "v4only", List.of(V4ONLY_ADDRESS), List.of());
    addresses(z, "v6only", List.of(), List.of(V6ONLY_ADDRESS));
    z.append("nodata\tTXT\t\"no address records here\"\n");
    addresses(z, "leaf.ent", List.of(ENT_CHILD_ADDRESS), List.of());
    z.append("dangling\tCNAME\tmissing\n");
    z.append("loop1\tCNAME\tloop2\n");
    z.append("loop2\tCNAME\tloop1\n");
    addresses(z, "*.wild", List.of(WILDCARD_V4), List.of(WILDCARD_V6));
    addresses(z, "xn--bcher-kva", List.of(IDNA_ADDRESS), List.of());
    addresses(z, "big40", big40Addresses(), List.of());
    addresses(z, "big100", big100Addresses(), List.of());
    return new ZoneFile(ZONE, ZONE + ".zone", z.toString());
  }

  /** Returns the zone {@value #REVERSE_V4_ZONE}. */
  public static ZoneFile reverseV4Zone() {
    StringBuilder z = header(REVERSE_V4_ZONE);
    ptr(z, reverseV4Label(PTR_ONE_V4), List.of(HOST));
    ptr(z, reverseV4Label(PTR_TWO_V4), PTR_TWO_NAMES);
    ptr(z, reverseV4Label(V4ONLY_ADDRESS), List.of(V4ONLY));
    return new ZoneFile(REVERSE_V4_ZONE, REVERSE_V4_ZONE + ".zone", z.toString());
  }

  /** Returns the zone {@value #REVERSE_V6_ZONE}. */
  public static ZoneFile reverseV6Zone() {
    StringBuilder z = header(REVERSE_V6_ZONE);
    ptr(z, reverseV6Label(PTR_ONE_V6), List.of(HOST));
    ptr(z, reverseV6Label(PTR_TWO_V6), PTR_TWO_NAMES);
    ptr(z, reverseV6Label(V6ONLY_ADDRESS), List.of(V6ONLY));
    return new ZoneFile(REVERSE_V6_ZONE, REVERSE_V6_ZONE + ".zone", z.toString());
  }

  /** Names a zone NSD is configured for but cannot load: every name under it is SERVFAIL. */
  public static final String SERVFAIL_ZONE = "servfail.test";

  /**
   * Returns the zone {@value #SERVFAIL_ZONE} with a file that has no SOA record: NSD logs the
   * error, keeps running and answers SERVFAIL for every name in the zone (NSD 4.6.1, measured).
   * Served without the root zone, beside {@link #zones()}, it gives a search list whose
   * candidates end in NXDOMAIN ({@value #ZONE}), SERVFAIL (this zone) and REFUSED (any other).
   */
  public static ZoneFile servfailZone() {
    return new ZoneFile(SERVFAIL_ZONE, SERVFAIL_ZONE + ".zone",
        "; generated by dev.netdb.testing.TestZone: deliberately broken (no SOA)\n"
            + "broken\tTXT\t\"this zone never loads\"\n");
  }

  /** Returns an empty root zone (SOA and NS only): everything outside other zones is NXDOMAIN. */
  public static ZoneFile rootZone() {
    return new ZoneFile(".", "root.zone", header(".").toString());
  }

  /**
   * Returns the label of {@code address} (192.0.2.x) inside {@link #REVERSE_V4_ZONE}, i.e. its
   * last octet.
   */
  static String reverseV4Label(String address) {
    if (!address.startsWith("192.0.2.")) {
      throw new IllegalArgumentException("not in 192.0.2.0/24: " + address);
    }
    return address.substring("192.0.2.".length());
  }

  /**
   * Returns the labels of {@code address} (2001:db8::/64, written {@code 2001:db8::X} with X of
   * at most four hex digits) inside {@link #REVERSE_V6_ZONE}: the 16 nibbles of the interface
   * identifier, least significant first (RFC 3596 §2.5).
   */
  static String reverseV6Label(String address) {
    if (!address.startsWith("2001:db8::") || address.length() > "2001:db8::".length() + 4) {
      throw new IllegalArgumentException("not 2001:db8::X: " + address);
    }
    String suffix = address.substring("2001:db8::".length());
    String iid = "0".repeat(16 - suffix.length()) + suffix;
    StringBuilder labels = new StringBuilder();
    for (int i = iid.length() - 1; i >= 0; i--) {
      labels.append(iid.charAt(i));
      if (i > 0) {
        labels.append('.');
      }
    }
    return labels.toString();
  }

  private static StringBuilder header(String origin) {
    String dotted = origin.equals(".") ? "." : origin + ".";
    String nsHost = NS + ".";
    StringBuilder z = new StringBuilder();
    z.append("; generated by dev.netdb.testing.TestZone: do not edit\n");
    z.append("$ORIGIN ").append(dotted).append('\n');
    z.append("$TTL ").append(TTL).append('\n');
    // SOA fields: serial, refresh, retry, expire, minimum (the negative TTL, RFC 2308 §4).
    z.append("@\tSOA\t").append(nsHost).append(" hostmaster.").append(ZONE).append(". ")
        .append("1 3600 600 86400 ").append(NEGATIVE_TTL).append('\n');
    z.append("@\tNS\t").append(nsHost).append('\n');
    return z;
  }

  private static void addresses(StringBuilder z, String owner, List<String> v4, List<String> v6) {
    for (String a : v4) {
      z.append(owner).append("\tA\t").append(a).append('\n');
    }
    for (String a : v6) {
      z.append(owner).append("\tAAAA\t").append(a).append('\n');
    }
  }

  private static void ptr(StringBuilder z, String owner, List<String> targets) {
    for (String t : targets) {
      z.append(owner).append("\tPTR\t").append(t).append(".\n");
    }
  }

  private static List<String> range(String prefix, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(prefix + i);
    }
    return List.copyOf(out);
  }
}
