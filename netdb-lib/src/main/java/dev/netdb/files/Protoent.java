package dev.netdb.files;

import java.util.List;
import java.util.Objects;

/**
 * One {@code struct protoent}: a protocols database entry as the back ends return it; the API
 * edge turns it into the public {@code dev.netdb.ProtocolEntry}.
 *
 * @param name {@code p_name}
 * @param aliases {@code p_aliases}
 * @param number {@code p_proto}
 */
public record Protoent(String name, List<String> aliases, int number) {
  /** Copies the aliases. */
  public Protoent {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }
}
