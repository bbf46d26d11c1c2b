package dev.netdb.backend;

import dev.netdb.dns.HErrnoEffect;
import java.util.Objects;

/**
 * The two buffers {@code getnameinfo(3)} fills; the API edge turns them into the public {@code
 * dev.netdb.NameInfo}.
 *
 * @param host the host buffer
 * @param service the service buffer
 * @param hErrno what the call left in the thread's {@code h_errno} ({@link HErrnoEffect}): its
 *     {@code gethostbyaddr_r}'s resolver effect
 */
public record HostAndService(String host, String service, HErrnoEffect hErrno) {
  /** Checks that all are present. */
  public HostAndService {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(hErrno, "hErrno");
  }

  /** The buffers of a call that left {@code h_errno} alone. */
  public HostAndService(String host, String service) {
    this(host, service, HErrnoEffect.UNTOUCHED);
  }
}
