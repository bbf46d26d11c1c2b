package dev.netdb;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Typed {@code getaddrinfo} hints for the Java face ({@link NetDb#resolve(String, AddrInfoHints)}):
 * the same four fields as C's {@code struct addrinfo} hints, as enums instead of Python's ints.
 *
 * @param family the address family; {@link AddressFamily#UNSPEC} for both
 * @param type the socket type; one address per distinct address is returned whatever it is, but
 *     it decides which services and protocols are valid, as in C
 * @param proto the protocol number, one of {@link IpProto}'s constants; 0 for any
 * @param flags the {@code AI_*} flags; the set is copied
 */
public record AddrInfoHints(AddressFamily family, SocketType type, int proto, Set<AddrInfoFlag> flags) {
  /** Checks for nulls and copies the flags. */
  public AddrInfoHints {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(type, "type");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /**
   * Returns the hints {@link NetDb#lookup} uses: {@code family}, {@code SOCK_STREAM}, any
   * protocol, no flags.
   *
   * @param family the address family
   * @return the hints
   */
  public static AddrInfoHints of(AddressFamily family) {
    return new AddrInfoHints(family, SocketType.STREAM, 0, Set.of());
  }

  /**
   * Returns these hints with {@code flags} in place of the current flags.
   *
   * @param flags the {@code AI_*} flags
   * @return the new hints
   */
  public AddrInfoHints withFlags(EnumSet<AddrInfoFlag> flags) {
    return new AddrInfoHints(family, type, proto, flags);
  }

  /** Returns the flags as glibc's bit mask. */
  int mask() {
    return AddrInfoFlag.mask(flags);
  }
}
