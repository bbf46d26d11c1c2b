package dev.netdb.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The integer constants of Python 3.11's {@code socket} module on Linux whose names start with
 * {@code AF_}, {@code SOCK_}, {@code IPPROTO_}, {@code AI_} or {@code NI_}, and the members of its
 * {@code AddressFamily} and {@code SocketKind} enums (the names a result shows).
 */
final class Constants {
  private static final String[] NAMES = {
    "AF_ALG", "AF_APPLETALK", "AF_ASH", "AF_ATMPVC", "AF_ATMSVC", "AF_AX25", "AF_BLUETOOTH",
    "AF_BRIDGE", "AF_CAN", "AF_DECnet", "AF_ECONET", "AF_INET", "AF_INET6", "AF_IPX", "AF_IRDA",
    "AF_KEY", "AF_LLC", "AF_NETBEUI", "AF_NETLINK", "AF_NETROM", "AF_PACKET", "AF_PPPOX",
    "AF_QIPCRTR", "AF_RDS", "AF_ROSE", "AF_ROUTE", "AF_SECURITY", "AF_SNA", "AF_TIPC", "AF_UNIX",
    "AF_UNSPEC", "AF_VSOCK", "AF_WANPIPE", "AF_X25",
    "SOCK_CLOEXEC", "SOCK_DGRAM", "SOCK_NONBLOCK", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET",
    "SOCK_STREAM",
    "IPPROTO_AH", "IPPROTO_DSTOPTS", "IPPROTO_EGP", "IPPROTO_ESP", "IPPROTO_FRAGMENT",
    "IPPROTO_GRE", "IPPROTO_HOPOPTS", "IPPROTO_ICMP", "IPPROTO_ICMPV6", "IPPROTO_IDP",
    "IPPROTO_IGMP", "IPPROTO_IP", "IPPROTO_IPIP", "IPPROTO_IPV6", "IPPROTO_MPTCP", "IPPROTO_NONE",
    "IPPROTO_PIM", "IPPROTO_PUP", "IPPROTO_RAW", "IPPROTO_ROUTING", "IPPROTO_RSVP", "IPPROTO_SCTP",
    "IPPROTO_TCP", "IPPROTO_TP", "IPPROTO_UDP", "IPPROTO_UDPLITE",
    "AI_ADDRCONFIG", "AI_ALL", "AI_CANONNAME", "AI_NUMERICHOST", "AI_NUMERICSERV", "AI_PASSIVE",
    "AI_V4MAPPED",
    "NI_DGRAM", "NI_MAXHOST", "NI_MAXSERV", "NI_NAMEREQD", "NI_NOFQDN", "NI_NUMERICHOST",
    "NI_NUMERICSERV",
  };
  private static final int[] VALUES = {
    38, 5, 18, 8, 20, 3, 31, 7, 29, 12, 19, 2, 10, 4, 23, 15, 26, 13, 16, 6, 17, 24, 42, 21, 11,
    16, 14, 22, 30, 1, 0, 40, 25, 9,
    524288, 2, 2048, 3, 4, 5, 1,
    51, 60, 8, 50, 44, 47, 0, 1, 58, 22, 2, 0, 4, 41, 262, 59, 103, 12, 255, 43, 46, 132, 6, 29,
    17, 136,
    32, 16, 2, 4, 1024, 1, 8,
    16, 1025, 32, 8, 4, 1, 2,
  };

  /** {@code socket.AddressFamily} members by value; {@code AF_DECnet} (12) is not a member. */
  private static final String[] FAMILY_MEMBERS = new String[43];
  /** {@code socket.SocketKind} members with small values. */
  private static final String[] KIND_MEMBERS = {
    null, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET"
  };

  /** {@link #NAMES} to {@link #VALUES}: a batch looks names up for every call. */
  private static final Map<String, Integer> BY_NAME = byName();

  static {
    String[] names = {
      "AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_AX25", "AF_IPX", "AF_APPLETALK", "AF_NETROM",
      "AF_BRIDGE", "AF_ATMPVC", "AF_X25", "AF_INET6", "AF_ROSE", null, "AF_NETBEUI", "AF_SECURITY",
      "AF_KEY", "AF_NETLINK", "AF_PACKET", "AF_ASH", "AF_ECONET", "AF_ATMSVC", "AF_RDS", "AF_SNA",
      "AF_IRDA", "AF_PPPOX", "AF_WANPIPE", "AF_LLC", null, null, "AF_CAN", "AF_TIPC",
      "AF_BLUETOOTH", null, null, null, null, null, null, "AF_ALG", null, "AF_VSOCK", null,
      "AF_QIPCRTR"
    };
    System.arraycopy(names, 0, FAMILY_MEMBERS, 0, names.length);
  }

  private Constants() {}

  private static Map<String, Integer> byName() {
    Map<String, Integer> m = HashMap.newHashMap(NAMES.length);
    for (int i = 0; i < NAMES.length; i++) {
      m.putIfAbsent(NAMES[i], VALUES[i]);
    }
    return Map.copyOf(m);
  }

  /** Returns the constant names that start with {@code prefix}, in {@code dir(socket)} order. */
  static List<String> names(String prefix) {
    List<String> names = new ArrayList<>();
    for (String n : NAMES) {
      if (n.startsWith(prefix)) {
        names.add(n);
      }
    }
    return names;
  }

  /** Returns the value of a constant name, or null when the module has no such constant. */
  static Integer value(String name) {
    return BY_NAME.get(name);
  }

  /**
   * Returns the bitwise OR of constant names joined by {@code |} (such as {@code
   * "AI_PASSIVE|AI_CANONNAME"}), or null when any part is not a constant name.
   */
  static Integer parseNames(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int total = 0;
    int start = 0;
    while (true) {
      int bar = text.indexOf('|', start);
      // substring(0) is the text itself: one name costs no copy
      String part = bar < 0 ? text.substring(start) : text.substring(start, bar);
      Integer v = value(part);
      if (v == null) {
        return null;
      }
      total |= v;
      if (bar < 0) {
        return total;
      }
      start = bar + 1;
    }
  }

  /** Returns a family as Python's {@code getaddrinfo} reports it: an enum member, else an int. */
  static PyValue family(int value) {
    String name = value >= 0 && value < FAMILY_MEMBERS.length ? FAMILY_MEMBERS[value] : null;
    return name == null ? PyValue.PyInt.of(value) : new PyValue.PyEnum(name, value);
  }

  /** Returns a socket type as Python's {@code getaddrinfo} reports it. */
  static PyValue socketKind(int value) {
    String name = value > 0 && value < KIND_MEMBERS.length ? KIND_MEMBERS[value]
        : value == 2048 ? "SOCK_NONBLOCK" : value == 524288 ? "SOCK_CLOEXEC" : null;
    return name == null ? PyValue.PyInt.of(value) : new PyValue.PyEnum(name, value);
  }

  /** Returns the last {@code prefix} name for a value in {@code dir(socket)} order, or null. */
  static String lastName(String prefix, int value) {
    String found = null;
    for (int i = 0; i < NAMES.length; i++) {
      if (VALUES[i] == value && NAMES[i].startsWith(prefix)) {
        found = NAMES[i];
      }
    }
    return found;
  }
}
