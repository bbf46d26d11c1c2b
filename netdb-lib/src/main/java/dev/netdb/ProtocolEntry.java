package dev.netdb;

import java.util.List;
import java.util.Objects;

/**
 * A protocols-database entry: official name, aliases and number.
 *
 * @param name the protocol's official name
 * @param aliases the aliases, copied
 * @param number the protocol number
 */
public record ProtocolEntry(String name, List<String> aliases, int number) {
  /** Creates an entry; the lists are copied and become immutable. */
  public ProtocolEntry {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }
}
