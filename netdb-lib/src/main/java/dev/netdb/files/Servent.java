package dev.netdb.files;

import java.util.List;
import java.util.Objects;

/**
 * One {@code struct servent}: a services database entry as the back ends return it; the API edge
 * turns it into the public {@code dev.netdb.ServiceEntry}.
 *
 * @param name {@code s_name}
 * @param aliases {@code s_aliases}
 * @param port {@code s_port} in host order
 * @param protocol {@code s_proto}
 */
public record Servent(String name, List<String> aliases, int port, String protocol) {
  /** Checks the port range and copies the aliases. */
  public Servent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    aliases = List.copyOf(aliases);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
