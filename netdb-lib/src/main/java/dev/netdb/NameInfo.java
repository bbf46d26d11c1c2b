package dev.netdb;

import java.util.Objects;

/**
 * The {@code (host, port)} pair that Python's {@code getnameinfo} returns; both are text.
 *
 * @param host the host name, or the numeric address with {@code NI_NUMERICHOST}
 * @param service the service name, or the port number as text
 */
public record NameInfo(String host, String service) {
  /** Creates the pair. */
  public NameInfo {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
  }
}
