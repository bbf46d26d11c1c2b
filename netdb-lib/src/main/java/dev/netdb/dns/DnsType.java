package dev.netdb.dns;

/** Holds the DNS type, class and RCODE numbers the stub uses (RFC 1035 §3.2, RFC 3596, RFC 6891). */
public final class DnsType {
  private DnsType() {}

  /** Type A, an IPv4 address (RFC 1035). */
  public static final int A = 1;
  /** Type NS. */
  public static final int NS = 2;
  /** Type CNAME, a canonical name. */
  public static final int CNAME = 5;
  /** Type SOA, start of authority; its MINIMUM drives negative caching (RFC 2308). */
  public static final int SOA = 6;
  /** Type PTR, a pointer for reverse lookups. */
  public static final int PTR = 12;
  /** Type AAAA, an IPv6 address (RFC 3596). */
  public static final int AAAA = 28;
  /** Pseudo-type OPT, EDNS0 (RFC 6891). */
  public static final int OPT = 41;

  /** Class IN. */
  public static final int CLASS_IN = 1;

  /** RCODE NOERROR. */
  public static final int NOERROR = 0;
  /** RCODE FORMERR. */
  public static final int FORMERR = 1;
  /** RCODE SERVFAIL. */
  public static final int SERVFAIL = 2;
  /** RCODE NXDOMAIN. */
  public static final int NXDOMAIN = 3;
  /** RCODE NOTIMP. */
  public static final int NOTIMP = 4;
  /** RCODE REFUSED. */
  public static final int REFUSED = 5;

  /** Returns the mnemonic of a type number, or {@code TYPEnnn} (RFC 3597) for others. */
  public static String typeName(int type) {
    return switch (type) {
      case A -> "A";
      case NS -> "NS";
      case CNAME -> "CNAME";
      case SOA -> "SOA";
      case PTR -> "PTR";
      case AAAA -> "AAAA";
      case OPT -> "OPT";
      default -> "TYPE" + type;
    };
  }
}
