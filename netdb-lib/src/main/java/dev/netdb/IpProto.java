package dev.netdb;

/**
 * The IP protocol numbers that Python's {@code socket} module names ({@code IPPROTO_*}), as
 * constants. {@link #pythonName(int)} gives the name the chapter's {@code get_constants()} would.
 */
public final class IpProto {
  /** {@code IPPROTO_IP}: 0, "any protocol" in {@code getaddrinfo}. */
  public static final int IP = 0;
  /** {@code IPPROTO_ICMP}. */
  public static final int ICMP = 1;
  /** {@code IPPROTO_IGMP}. */
  public static final int IGMP = 2;
  /** {@code IPPROTO_IPIP}. */
  public static final int IPIP = 4;
  /** {@code IPPROTO_TCP}. */
  public static final int TCP = 6;
  /** {@code IPPROTO_EGP}. */
  public static final int EGP = 8;
  /** {@code IPPROTO_PUP}. */
  public static final int PUP = 12;
  /** {@code IPPROTO_UDP}. */
  public static final int UDP = 17;
  /** {@code IPPROTO_IDP}. */
  public static final int IDP = 22;
  /** {@code IPPROTO_TP}. */
  public static final int TP = 29;
  /** {@code IPPROTO_IPV6}. */
  public static final int IPV6 = 41;
  /** {@code IPPROTO_ROUTING}. */
  public static final int ROUTING = 43;
  /** {@code IPPROTO_FRAGMENT}. */
  public static final int FRAGMENT = 44;
  /** {@code IPPROTO_RSVP}. */
  public static final int RSVP = 46;
  /** {@code IPPROTO_GRE}. */
  public static final int GRE = 47;
  /** {@code IPPROTO_ESP}. */
  public static final int ESP = 50;
  /** {@code IPPROTO_AH}. */
  public static final int AH = 51;
  /** {@code IPPROTO_ICMPV6}. */
  public static final int ICMPV6 = 58;
  /** {@code IPPROTO_NONE}. */
  public static final int NONE = 59;
  /** {@code IPPROTO_DSTOPTS}. */
  public static final int DSTOPTS = 60;
  /** {@code IPPROTO_PIM}. */
  public static final int PIM = 103;
  /** {@code IPPROTO_SCTP}. */
  public static final int SCTP = 132;
  /** {@code IPPROTO_UDPLITE}. */
  public static final int UDPLITE = 136;
  /** {@code IPPROTO_MPTCP}. */
  public static final int MPTCP = 262;
  /** {@code IPPROTO_RAW}. */
  public static final int RAW = 255;

  private static final int[] NUMBERS = {
    IP, ICMP, IGMP, IPIP, TCP, EGP, PUP, UDP, IDP, TP, IPV6, ROUTING, FRAGMENT, RSVP, GRE, ESP, AH,
    ICMPV6, NONE, DSTOPTS, PIM, SCTP, UDPLITE, MPTCP, RAW
  };
  private static final String[] NAMES = {
    "IPPROTO_IP", "IPPROTO_ICMP", "IPPROTO_IGMP", "IPPROTO_IPIP", "IPPROTO_TCP", "IPPROTO_EGP", "IPPROTO_PUP",
    "IPPROTO_UDP", "IPPROTO_IDP", "IPPROTO_TP", "IPPROTO_IPV6", "IPPROTO_ROUTING",
    "IPPROTO_FRAGMENT", "IPPROTO_RSVP", "IPPROTO_GRE", "IPPROTO_ESP", "IPPROTO_AH",
    "IPPROTO_ICMPV6", "IPPROTO_NONE", "IPPROTO_DSTOPTS", "IPPROTO_PIM", "IPPROTO_SCTP",
    "IPPROTO_UDPLITE", "IPPROTO_MPTCP", "IPPROTO_RAW"
  };

  private IpProto() {}

  /**
   * {@return Python's {@code IPPROTO_*} name for a number, or null when Python has none}
   *
   * @param number the protocol number
   */
  public static String pythonName(int number) {
    for (int i = 0; i < NUMBERS.length; i++) {
      if (NUMBERS[i] == number) {
        return NAMES[i];
      }
    }
    return null;
  }

  /**
   * {@return the number for a Python {@code IPPROTO_*} name, or -1 when there is none}
   *
   * @param name the name, such as {@code IPPROTO_TCP}
   */
  public static int byPythonName(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return NUMBERS[i];
      }
    }
    return -1;
  }
}
