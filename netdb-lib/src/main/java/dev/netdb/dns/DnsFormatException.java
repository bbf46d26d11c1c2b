package dev.netdb.dns;

/**
 * Signals that bytes are not a well-formed DNS message, or that a message cannot be encoded. It is
 * the one error of the wire codec: every bounds, length, label, pointer and count check throws it.
 */
public final class DnsFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a reason that names the offending field and offset. */
  public DnsFormatException(String reason) {
    super(reason);
  }
}
