package dev.netdb;

import java.util.Set;

/** The {@code getaddrinfo} flags, with their Linux (glibc) values. */
public enum AddrInfoFlag {
  /** {@code AI_PASSIVE}: a null host means the wildcard address, for binding. */
  PASSIVE(0x0001),
  /** {@code AI_CANONNAME}: report the canonical name on the first entry. */
  CANONNAME(0x0002),
  /** {@code AI_NUMERICHOST}: the host must be a numeric address; no lookup. */
  NUMERICHOST(0x0004),
  /** {@code AI_V4MAPPED}: with {@code AF_INET6}, map IPv4 results when there are no IPv6 ones. */
  V4MAPPED(0x0008),
  /** {@code AI_ALL}: with {@code AI_V4MAPPED}, return IPv6 and mapped IPv4 results. */
  ALL(0x0010),
  /** {@code AI_ADDRCONFIG}: only families with a configured non-loopback address. */
  ADDRCONFIG(0x0020),
  /** {@code AI_NUMERICSERV}: the service must be a port number. */
  NUMERICSERV(0x0400);

  private final int value;

  AddrInfoFlag(int value) {
    this.value = value;
  }

  /** {@return the Linux bit value} */
  public int value() {
    return value;
  }

  /** {@return Python's name for this flag, such as {@code AI_CANONNAME}} */
  public String pythonName() {
    return "AI_" + name();
  }

  /**
   * {@return the bitwise OR of the given flags}
   *
   * @param flags the flags
   */
  public static int mask(Set<AddrInfoFlag> flags) {
    int m = 0;
    for (AddrInfoFlag f : flags) {
      m |= f.value;
    }
    return m;
  }

  /**
   * {@return the bitwise OR of the given flags}
   *
   * @param flags the flags
   */
  public static int mask(AddrInfoFlag... flags) {
    int m = 0;
    for (AddrInfoFlag f : flags) {
      m |= f.value;
    }
    return m;
  }
}
