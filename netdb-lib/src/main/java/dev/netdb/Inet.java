package dev.netdb;

/**
 * Text and packed forms of IP addresses, exactly as glibc's {@code inet_aton}, {@code inet_ntoa},
 * {@code inet_pton} and {@code inet_ntop} behave under Python. No method does I/O.
 */
public final class Inet {
  private Inet() {}

  /** Python's {@code inet_aton}. */
  public static byte[] aton(String text) {
    throw new UnsupportedOperationException("todo");
  }

  /** Python's {@code inet_ntoa}. */
  public static String ntoa(byte[] packed) {
    throw new UnsupportedOperationException("todo");
  }

  /** Python's {@code inet_pton}. */
  public static byte[] pton(AddressFamily family, String text) {
    throw new UnsupportedOperationException("todo");
  }

  /** Python's {@code inet_ntop}. */
  public static String ntop(AddressFamily family, byte[] packed) {
    throw new UnsupportedOperationException("todo");
  }
}
