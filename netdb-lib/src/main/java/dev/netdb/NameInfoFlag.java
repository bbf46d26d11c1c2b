package dev.netdb;

/** The {@code getnameinfo} flags, with their Linux (glibc) values. */
public enum NameInfoFlag {
  /** {@code NI_NUMERICHOST}: give the host as a numeric address. */
  NUMERICHOST(1),
  /** {@code NI_NUMERICSERV}: give the service as a port number. */
  NUMERICSERV(2),
  /** {@code NI_NOFQDN}: give only the host part of local names. */
  NOFQDN(4),
  /** {@code NI_NAMEREQD}: fail when the address has no name. */
  NAMEREQD(8),
  /** {@code NI_DGRAM}: look the service up for UDP. */
  DGRAM(16);

  private final int value;

  NameInfoFlag(int value) {
    this.value = value;
  }

  /** {@return the Linux bit value} */
  public int value() {
    return value;
  }

  /** {@return Python's name for this flag, such as {@code NI_NUMERICHOST}} */
  public String pythonName() {
    return "NI_" + name();
  }

  /**
   * {@return the bitwise OR of the given flags}
   *
   * @param flags the flags
   */
  public static int mask(NameInfoFlag... flags) {
    int m = 0;
    for (NameInfoFlag f : flags) {
      m |= f.value;
    }
    return m;
  }
}
