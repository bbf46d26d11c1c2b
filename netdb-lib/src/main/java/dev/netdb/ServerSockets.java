package dev.netdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * Implements Python's {@code socket.create_server} (socket.py, 3.11) over JDK channels, in
 * Python's order: the {@code ValueError}s for unsupported options, {@code socket()}, {@code
 * SO_REUSEADDR}, {@code SO_REUSEPORT}, {@code bind} (its error rewritten as {@code "%s (while
 * attempting to bind on address %r)"}), {@code listen}.
 *
 * <p>Left out: {@code IPV6_V6ONLY=1} for an {@code AF_INET6} server without {@code
 * dualstack_ipv6}. The JDK opens every IPv6 socket dual-stack on Linux and has no option to
 * change that, so such a server bound to {@code '::'} also accepts IPv4 (bound to a specific IPv6
 * address, as most are, it makes no difference).
 */
final class ServerSockets {
  /** Python 3.11's {@code listen()} default: {@code min(SOMAXCONN, 128)}. */
  private static final int DEFAULT_BACKLOG = 128;

  private ServerSockets() {}

  /** Python's {@code create_server((host, port), family=..., ...)}. */
  static ServerSocketChannel create(NetDb db, String host, int port, ServerOptions o) {
    check(o);
    String repr = "(" + repr(host) + ", " + port + ")";
    return open(o, () -> {
      AddressFamily af = o.family();
      if (af == AddressFamily.UNIX) {
        throw new ArgumentTypeException("a bytes-like object is required, not 'tuple'", repr);
      }
      InetAddress a = BindAddress.resolve(db, host, af);
      if (port < 0 || port > 0xffff) {
        throw new OverflowException("bind(): port must be 0-65535.", Integer.toString(port));
      }
      return new InetSocketAddress(a, port);
    }, repr);
  }

  /** Python's {@code create_server(path, family=AF_UNIX, ...)}. */
  static ServerSocketChannel create(UnixDomainSocketAddress path, ServerOptions o) {
    ServerOptions unix = o.withFamily(AddressFamily.UNIX);
    check(unix);
    String p = path.getPath().toString();
    return open(unix, () -> {
      Connector.checkUnixPath(path);
      return path;
    }, repr(p));
  }

  private interface Target {
    SocketAddress resolve();
  }

  private static void check(ServerOptions o) {
    // Linux has SO_REUSEPORT; the JDK lists it where the kernel does.
    if (o.reusePort() && !supportsReusePort()) {
      throw new InvalidValueException("SO_REUSEPORT not supported on this platform", null);
    }
    if (o.dualstackIpv6()) {
      if (!Connector.hasDualstackIpv6()) {
        throw new InvalidValueException("dualstack_ipv6 not supported on this platform", null);
      }
      if (o.family() != AddressFamily.INET6) {
        throw new InvalidValueException("dualstack_ipv6 requires AF_INET6 family", null);
      }
    }
  }

  private static boolean supportsReusePort() {
    try (ServerSocketChannel s = ServerSocketChannel.open()) {
      return s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    } catch (IOException e) {
      return false;
    }
  }

  private static ServerSocketChannel open(ServerOptions o, Target target, String repr) {
    ProtocolFamily pf = o.family().protocolFamily().orElse(null);
    if (pf == null) {
      throw OsErrors.familyNotSupported(o.family().pythonName()); // socket(AF_UNSPEC, ...)
    }
    ServerSocketChannel s;
    try {
      s = ServerSocketChannel.open(pf);
    } catch (IOException e) {
      throw OsErrors.of(e, repr);
    } catch (UnsupportedOperationException e) {
      throw OsErrors.familyNotSupported(repr);
    }
    boolean ok = false;
    try {
      try {
        s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      } catch (IOException | UnsupportedOperationException e) {
        // socket.py: "Fail later on bind(), for platforms which may not support this option."
      }
      if (o.reusePort()) {
        s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      bind(s, target, o, repr);
      ok = true;
      return s;
    } catch (IOException e) {
      throw OsErrors.of(e, repr);
    } finally {
      if (!ok) {
        try {
          s.close();
        } catch (IOException e) {
          // the error being raised matters more
        }
      }
    }
  }

  private static void bind(ServerSocketChannel s, Target target, ServerOptions o, String repr)
      throws IOException {
    Integer b = o.backlog();
    int backlog = b == null ? DEFAULT_BACKLOG : Math.max(1, b);
    SocketAddress address;
    try {
      address = target.resolve();
      s.bind(address, backlog);
    } catch (IOException e) {
      throw whileBinding(OsErrors.of(e, repr), repr);
    } catch (SystemException | GaiException | HostException e) {
      // OverflowError, TypeError and UnicodeError are not OSError: socket.py lets them through
      throw whileBinding(e, repr);
    }
  }

  /** {@code raise error(err.errno, '%s (while attempting to bind on address %r)' % ...)}. */
  private static SystemException whileBinding(NetDbException e, String repr) {
    String suffix = " (while attempting to bind on address " + repr + ")";
    if (e.code().isEmpty()) {
      return SystemException.withNoneErrno("None" + suffix, repr); // err.strerror is None
    }
    return new SystemException(e.code().getAsInt(), e.pythonMessage() + suffix, repr);
  }

  /** Returns Python's {@code repr} of a str: quotes, backslash escapes, {@code \xNN} controls. */
  static String repr(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c == q) {
            b.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append(q).toString();
  }
}
