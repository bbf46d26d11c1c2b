package dev.netdb.backend;

import java.util.List;
import java.util.Objects;

/**
 * One {@code struct hostent} as a back end returns it from {@code gethostbyname2_r(3)} or {@code
 * gethostbyaddr_r(3)}; the API edge turns it into the public {@code dev.netdb.HostEntry}.
 *
 * @param name {@code h_name}
 * @param aliases {@code h_aliases}
 * @param addresses {@code h_addr_list}, each as {@code inet_ntop} text
 */
public record Hostent(String name, List<String> aliases, List<String> addresses) {
  /** Copies the lists. */
  public Hostent {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    addresses = List.copyOf(addresses);
  }
}
