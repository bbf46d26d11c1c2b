package dev.netdb;

import java.util.List;
import java.util.Objects;

/**
 * A host entry, as Python's {@code gethostbyname_ex} and {@code gethostbyaddr} return it: the
 * official name, the aliases, and the addresses as text.
 *
 * @param name the official (canonical) name
 * @param aliases the aliases, copied
 * @param addresses the addresses, as text, copied
 */
public record HostEntry(String name, List<String> aliases, List<String> addresses) {
  /** Creates an entry; the lists are copied and become immutable. */
  public HostEntry {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    addresses = List.copyOf(addresses);
  }
}
