package dev.netdb;

import java.util.List;
import java.util.Objects;

/**
 * A services-database entry: official name, aliases, port (host order) and protocol.
 *
 * @param name the service's official name
 * @param aliases the aliases, copied
 * @param port the port, in host byte order
 * @param protocol the protocol name, such as {@code tcp}
 */
public record ServiceEntry(String name, List<String> aliases, int port, String protocol) {
  /** Creates an entry; the port must be 0-65535. */
  public ServiceEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    aliases = List.copyOf(aliases);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
