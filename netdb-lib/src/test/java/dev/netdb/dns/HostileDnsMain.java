package dev.netdb.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Runs the {@link HostileScenario} fake server on {@code ADDRESS PORT} until standard input ends
 * or {@code SECONDS} pass, printing {@code READY} once it listens. Started inside the oracle
 * namespace on port 53 so that glibc and Python meet the same hostile replies as netdb. Test code
 * only; never started outside a namespace the test created or on anything but loopback.
 */
final class HostileDnsMain {
  private HostileDnsMain() {}

  public static void main(String[] args) throws Exception {
    InetAddress address = InetAddress.ofLiteral(args[0]);
    if (!address.isLoopbackAddress()) throw new IllegalArgumentException("loopback only: " + address);
    Duration limit = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 300);
    try (FakeDnsServer server = FakeDnsServer.start(
        new InetSocketAddress(address, Integer.parseInt(args[1])), HostileScenario::handle)) {
      System.out.println("READY " + server.address());
      System.out.flush();
      Thread reader = Thread.ofPlatform().daemon().start(() -> {
        try {
          while (System.in.read() >= 0) {
            // wait for EOF
          }
        } catch (java.io.IOException e) {
          // treat as EOF
        }
      });
      reader.join(limit.toMillis());
    }
  }
}
