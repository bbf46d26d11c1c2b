package dev.netdb;

import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.util.Optional;

/**
 * The address families of Python's {@code socket} module, with their Linux values.
 *
 * <p>{@link #UNSPEC} asks {@code getaddrinfo} for any family; {@link #UNIX} names local (file-system)
 * sockets, which {@code getaddrinfo} rejects as glibc does.
 */
public enum AddressFamily {
  /** {@code AF_UNSPEC}: any family. */
  UNSPEC(0),
  /** {@code AF_UNIX}: local sockets. */
  UNIX(1),
  /** {@code AF_INET}: IPv4. */
  INET(2),
  /** {@code AF_INET6}: IPv6. */
  INET6(10);

  private final int value;

  AddressFamily(int value) {
    this.value = value;
  }

  /** {@return the Linux constant, as Python's {@code socket.AF_*} gives it} */
  public int value() {
    return value;
  }

  /** {@return Python's name for this family, such as {@code AF_INET6}} */
  public String pythonName() {
    return "AF_" + name();
  }

  /**
   * {@return the family with the given Linux value, if it is one of these}
   *
   * @param value the Linux value
   */
  public static Optional<AddressFamily> of(int value) {
    for (AddressFamily f : values()) {
      if (f.value == value) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** {@return the JDK protocol family, or empty for {@link #UNSPEC}} */
  public Optional<ProtocolFamily> protocolFamily() {
    return switch (this) {
      case UNSPEC -> Optional.empty();
      case UNIX -> Optional.of(StandardProtocolFamily.UNIX);
      case INET -> Optional.of(StandardProtocolFamily.INET);
      case INET6 -> Optional.of(StandardProtocolFamily.INET6);
    };
  }

  /**
   * Reports whether sockets of this family can be opened here. {@link #UNSPEC} is always supported;
   * the others are probed once, by opening and closing a socket channel, which sends nothing.
   *
   * @return true when a socket of this family could be opened
   */
  public boolean isSupported() {
    return switch (this) {
      case UNSPEC -> true;
      case UNIX, INET, INET6 -> Support.probe(this);
    };
  }

  private static final class Support {
    private static final java.util.concurrent.ConcurrentHashMap<AddressFamily, Boolean> CACHE =
        new java.util.concurrent.ConcurrentHashMap<>();

    static boolean probe(AddressFamily family) {
      return CACHE.computeIfAbsent(
          family,
          f -> {
            try (var ch = java.nio.channels.SocketChannel.open(f.protocolFamily().orElseThrow())) {
              return ch.isOpen();
            } catch (java.io.IOException | UnsupportedOperationException e) {
              return false;
            }
          });
    }
  }
}
