package dev.netdb;

import java.util.Optional;

/** The socket types of Python's {@code socket} module, with their Linux values. */
public enum SocketType {
  /** {@code SOCK_STREAM}: reliable byte streams (TCP, SCTP). */
  STREAM(1),
  /** {@code SOCK_DGRAM}: datagrams (UDP). */
  DGRAM(2),
  /** {@code SOCK_RAW}: raw IP. */
  RAW(3),
  /** {@code SOCK_RDM}: reliably delivered messages. */
  RDM(4),
  /** {@code SOCK_SEQPACKET}: sequenced packets (SCTP). */
  SEQPACKET(5);

  private final int value;

  SocketType(int value) {
    this.value = value;
  }

  /** {@return the Linux constant} */
  public int value() {
    return value;
  }

  /** {@return Python's name for this type, such as {@code SOCK_STREAM}} */
  public String pythonName() {
    return "SOCK_" + name();
  }

  /**
   * {@return the type with the given Linux value, if it is one of these}
   *
   * @param value the Linux value
   */
  public static Optional<SocketType> of(int value) {
    for (SocketType t : values()) {
      if (t.value == value) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
