package dev.netdb.dns;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.netdb.dns.linux.Syscalls;
import java.io.IOException;

/** Opens a named {@link Poller} for tests that cover both, skipping epoll where it cannot run. */
final class Pollers {
  private Pollers() {}

  /** Returns an {@code epoll} or {@code nio} poller. */
  static Poller open(String kind) throws IOException {
    if (kind.equals("nio")) return new NioPoller();
    assumeThat(Syscalls.available()).as("epoll through FFM needs Linux and native access").isTrue();
    return new EpollPoller();
  }

  /** Returns the poller the build's pass asks for ({@link Poller#PROPERTY}), as DnsTransport chooses it. */
  static String expected() {
    return System.getProperty(Poller.PROPERTY, "").equals("nio") || !Syscalls.available() ? "nio" : "epoll";
  }
}
