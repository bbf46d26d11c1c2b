package dev.netdb.backend;

import dev.netdb.dns.HErrnoEffect;
import java.util.List;
import java.util.Objects;

/**
 * One {@code struct hostent} as a back end returns it from {@code gethostbyname2_r(3)} or {@code
 * gethostbyaddr_r(3)}; the API edge turns it into the public {@code dev.netdb.HostEntry}.
 *
 * @param name {@code h_name}
 * @param aliases {@code h_aliases}
 * @param addresses {@code h_addr_list}, each as {@code inet_ntop} text
 * @param hErrno what the call left in the thread's {@code h_errno} ({@link HErrnoEffect})
 */
public record Hostent(String name, List<String> aliases, List<String> addresses, HErrnoEffect hErrno) {
  /** Copies the lists. */
  public Hostent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hErrno, "hErrno");
    aliases = List.copyOf(aliases);
    addresses = List.copyOf(addresses);
  }

  /** An entry whose lookup left {@code h_errno} alone (files, numeric forms). */
  public Hostent(String name, List<String> aliases, List<String> addresses) {
    this(name, aliases, addresses, HErrnoEffect.UNTOUCHED);
  }
}
