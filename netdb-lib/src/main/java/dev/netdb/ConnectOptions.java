package dev.netdb;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Holds the arguments of Python's {@code socket.create_connection(address, timeout,
 * source_address, *, all_errors)} beyond the address, plus netdb's named option for Happy
 * Eyeballs. {@link #python()} is Python's defaults: no timeout, no source address, the last error
 * only, and the addresses tried one by one in getaddrinfo's order.
 *
 * @param timeout Python's {@code timeout}: how long each attempt may take ({@code
 *     sock.settimeout} before {@code connect}, so it applies per address, not to the call); null
 *     is Python's default ({@code socket.getdefaulttimeout()}, None: as long as the kernel
 *     retries); zero is Python's non-blocking socket, whose connect fails with {@code
 *     BlockingIOError} unless it completes at once. The returned socket keeps it as its read
 *     timeout ({@code socket().setSoTimeout}), as Python's socket keeps its timeout
 * @param sourceHost the host of Python's {@code source_address}, resolved for each attempt's
 *     family as Python's {@code bind} does ({@code ''} is the wildcard); null for none
 * @param sourcePort the port of {@code source_address} (0: any)
 * @param allErrors Python's {@code all_errors}: fail with an {@link ExceptionGroupException}
 *     holding every attempt's error instead of the last error
 * @param happyEyeballs Happy Eyeballs v2 (RFC 8305) instead of Python's one-by-one order; null
 *     (the default) keeps Python's exact behaviour
 * @param onAttempt called once per attempt as it ends, in order, never on the I/O thread
 */
public record ConnectOptions(
    Duration timeout,
    String sourceHost,
    int sourcePort,
    boolean allErrors,
    HappyEyeballsOptions happyEyeballs,
    Consumer<ConnectAttempt> onAttempt) {

  private static final Consumer<ConnectAttempt> NO_LISTENER = a -> { };

  /** Creates the options; a null listener means none. */
  public ConnectOptions {
    if (timeout != null && timeout.isNegative()) {
      // socket.settimeout: ValueError('Timeout value out of range')
      throw new InvalidValueException("Timeout value out of range", timeout.toString());
    }
    onAttempt = onAttempt == null ? NO_LISTENER : onAttempt;
  }

  /**
   * Returns Python's defaults: {@code create_connection(address)}.
   *
   * @return Python's exact options: no timeout, no source address, the last error only
   */
  public static ConnectOptions python() {
    return new ConnectOptions(null, null, 0, false, null, null);
  }

  /**
   * Returns Python's defaults with Happy Eyeballs at RFC 8305's recommended values.
   *
   * @return Happy Eyeballs v2 with its recommended delays
   */
  public static ConnectOptions rfc8305() {
    return python().withHappyEyeballs(HappyEyeballsOptions.defaults());
  }

  /**
   * Returns a copy with a per-attempt timeout (null: none).
   *
   * @param t the timeout of each attempt, or null for none (blocking)
   * @return a copy with the change
   */
  public ConnectOptions withTimeout(Duration t) {
    return new ConnectOptions(t, sourceHost, sourcePort, allErrors, happyEyeballs, onAttempt);
  }

  /**
   * Returns a copy that binds each socket to {@code (host, port)} before connecting.
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @return a copy with the change
   */
  public ConnectOptions withSourceAddress(String host, int port) {
    Objects.requireNonNull(host, "host");
    return new ConnectOptions(timeout, host, port, allErrors, happyEyeballs, onAttempt);
  }

  /**
   * Returns a copy with Python's {@code all_errors}.
   *
   * @param all whether every attempt's error is reported
   * @return a copy with the change
   */
  public ConnectOptions withAllErrors(boolean all) {
    return new ConnectOptions(timeout, sourceHost, sourcePort, all, happyEyeballs, onAttempt);
  }

  /**
   * Returns a copy with Happy Eyeballs (null: Python's one-by-one order).
   *
   * @param he the Happy Eyeballs settings, or null for Python's one-by-one order
   * @return a copy with the change
   */
  public ConnectOptions withHappyEyeballs(HappyEyeballsOptions he) {
    return new ConnectOptions(timeout, sourceHost, sourcePort, allErrors, he, onAttempt);
  }

  /**
   * Returns a copy with a listener told about each attempt as it ends.
   *
   * @param listener told of each attempt as it ends
   * @return a copy with the change
   */
  public ConnectOptions withOnAttempt(Consumer<ConnectAttempt> listener) {
    return new ConnectOptions(timeout, sourceHost, sourcePort, allErrors, happyEyeballs, listener);
  }
}
