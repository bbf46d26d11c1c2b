package dev.netdb.dns;

import dev.netdb.text.IpLiterals;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Refuses, under the test run, to let the pure-Java transport reach any address but loopback: when
 * the system property {@code netdb.test.loopbackOnly} is {@code true} (the build's surefire
 * configuration sets it), a destination outside 127.0.0.0/8 and ::1 fails with an error naming it,
 * logged at {@code ERROR}, before any socket is opened. Off otherwise, where it costs one property
 * read per check.
 *
 * <p>{@link DnsClient} checks every configured server before an exchange, so the refusal fails the
 * lookup that would have sent the query (never a quiet timeout); the socket-opening code checks
 * again as a backstop.
 */
public final class LoopbackOnly {
  /** The system property that switches the check on. */
  public static final String PROPERTY = "netdb.test.loopbackOnly";

  private static final System.Logger LOG = System.getLogger(LoopbackOnly.class.getName());

  private LoopbackOnly() {}

  /** Reports whether the check is on in this JVM. */
  public static boolean enabled() {
    return Boolean.parseBoolean(System.getProperty(PROPERTY));
  }

  /**
   * Throws when the check is on and {@code destination} is not a loopback address.
   *
   * @throws IllegalStateException naming the destination
   */
  public static void check(InetSocketAddress destination) {
    if (!enabled() || destination.getAddress() != null && destination.getAddress().isLoopbackAddress()) {
      return;
    }
    IllegalStateException e = new IllegalStateException(
        PROPERTY + " is set: refusing to send DNS to " + describe(destination)
            + ", which is not loopback (give the test a private resolv.conf or a loopback nameserver)");
    LOG.log(Level.ERROR, e.getMessage(), e);
    throw e;
  }

  /** Returns {@code 192.0.2.1:53} or {@code [2001:db8::1]:53}, or the unresolved name and port. */
  static String describe(InetSocketAddress destination) {
    InetAddress a = destination.getAddress();
    if (a == null) {
      return destination.getHostString() + ":" + destination.getPort();
    }
    String text = a instanceof Inet6Address
        ? "[" + IpLiterals.ntop(a.getAddress()) + "]"
        : IpLiterals.ntop(a.getAddress());
    return text + ":" + destination.getPort();
  }
}
