package dev.netdb;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Implements {@link NetDb}'s connect-by-name methods over any {@code NetDb}'s {@code
 * getaddrinfoAsync}: the work is a {@link ConnectRace} on the shared {@link ConnectLoop}; the
 * blocking forms wait for it.
 */
final class Connector {
  /** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)} on Linux. */
  private static final int SUN_PATH = 108;

  private Connector() {}

  static CompletableFuture<SocketChannel> connect(
      NetDb db, String host, String port, ConnectOptions options) {
    return ConnectRace.inet(db, host, port, options);
  }

  static CompletableFuture<SocketChannel> connect(
      UnixDomainSocketAddress address, ConnectOptions options) {
    try {
      checkUnixPath(address);
    } catch (NetDbException e) {
      return CompletableFuture.failedFuture(e);
    }
    return ConnectRace.unix(address, options);
  }

  /**
   * Waits for {@code f} and returns its value or throws its {@link NetDbException}; an interrupt
   * cancels the operation (every attempt's socket is closed), keeps the thread's interrupt status
   * and throws {@link CancellationException}.
   */
  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while connecting");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * Returns the AF_UNIX address of a Python {@code str} path: an over-long path is Python's {@code
   * OSError('AF_UNIX path too long')} (CPython refuses {@code len >= sizeof(sun_path)}); a name in
   * Linux's abstract namespace (a leading NUL) cannot be expressed, because the JDK's {@code
   * UnixDomainSocketAddress} takes file-system paths only.
   */
  static UnixDomainSocketAddress unixAddress(String path) {
    if (path.startsWith("\0")) {
      throw new InvalidValueException("abstract-namespace AF_UNIX names are not supported by the"
          + " JDK (UnixDomainSocketAddress takes file-system paths only)", printable(path));
    }
    if (path.getBytes(StandardCharsets.UTF_8).length >= SUN_PATH) {
      throw new SystemException("AF_UNIX path too long", path);
    }
    try {
      return UnixDomainSocketAddress.of(Path.of(path));
    } catch (InvalidPathException e) {
      throw new InvalidValueException("embedded null character", printable(path));
    }
  }

  /** Throws Python's error for a path that {@code sun_path} cannot hold. */
  static void checkUnixPath(UnixDomainSocketAddress address) {
    String p = address.getPath().toString();
    if (p.getBytes(StandardCharsets.UTF_8).length >= SUN_PATH) {
      throw new SystemException("AF_UNIX path too long", p);
    }
  }

  private static String printable(String s) {
    return s.replace("\0", "\\x00");
  }

  /**
   * Python's {@code has_dualstack_ipv6()}: whether an IPv6 stream socket can also accept IPv4.
   * The JDK clears {@code IPV6_V6ONLY} on every IPv6 socket it opens on Linux, so this is whether
   * IPv6 sockets can be opened here.
   */
  static boolean hasDualstackIpv6() {
    return AddressFamily.INET6.isSupported();
  }
}
