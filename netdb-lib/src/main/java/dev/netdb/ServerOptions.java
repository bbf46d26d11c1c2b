package dev.netdb;

import java.util.Objects;

/**
 * Holds the keyword arguments of Python's {@code socket.create_server(address, *, family=AF_INET,
 * backlog=None, reuse_port=False, dualstack_ipv6=False)}; {@link #python()} is Python's defaults.
 *
 * @param family {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX} (for {@link
 *     NetDb#createServer(java.net.UnixDomainSocketAddress, ServerOptions)} it is always {@code
 *     AF_UNIX})
 * @param backlog the queue length for {@code listen}, or null for Python's default ({@code
 *     min(SOMAXCONN, 128)} = 128); a value below 1 gives 1, because the JDK reads 0 as its own
 *     default of 50 (Python passes 0, which lets the kernel queue one connection)
 * @param reusePort sets {@code SO_REUSEPORT}
 * @param dualstackIpv6 an {@code AF_INET6} socket that also accepts IPv4 ({@code IPV6_V6ONLY} 0)
 */
public record ServerOptions(
    AddressFamily family, Integer backlog, boolean reusePort, boolean dualstackIpv6) {

  /** Creates the options. */
  public ServerOptions {
    Objects.requireNonNull(family, "family");
  }

  /**
   * Returns Python's defaults: {@code family=AF_INET}, default backlog, no options.
   *
   * @return Python's defaults for create_server
   */
  public static ServerOptions python() {
    return new ServerOptions(AddressFamily.INET, null, false, false);
  }

  /**
   * Returns a copy with another family.
   *
   * @param f the address family, or null for any
   * @return a copy with the change
   */
  public ServerOptions withFamily(AddressFamily f) {
    return new ServerOptions(f, backlog, reusePort, dualstackIpv6);
  }

  /**
   * Returns a copy with a backlog (null: Python's default).
   *
   * @param b the backlog, or null for the default
   * @return a copy with the change
   */
  public ServerOptions withBacklog(Integer b) {
    return new ServerOptions(family, b, reusePort, dualstackIpv6);
  }

  /**
   * Returns a copy with {@code reuse_port}.
   *
   * @param r whether SO_REUSEPORT is set
   * @return a copy with the change
   */
  public ServerOptions withReusePort(boolean r) {
    return new ServerOptions(family, backlog, r, dualstackIpv6);
  }

  /**
   * Returns a copy with {@code dualstack_ipv6}.
   *
   * @param d whether an IPv6 socket also accepts IPv4
   * @return a copy with the change
   */
  public ServerOptions withDualstackIpv6(boolean d) {
    return new ServerOptions(family, backlog, reusePort, d);
  }
}
