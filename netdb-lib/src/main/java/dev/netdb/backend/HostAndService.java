package dev.netdb.backend;

import java.util.Objects;

/**
 * The two buffers {@code getnameinfo(3)} fills; the API edge turns them into the public {@code
 * dev.netdb.NameInfo}.
 *
 * @param host the host buffer
 * @param service the service buffer
 */
public record HostAndService(String host, String service) {
  /** Checks that both are present. */
  public HostAndService {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
  }
}
