package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.linux.Syscalls;
import org.junit.jupiter.api.Test;

/**
 * Checks that a client runs the transport this test pass asks for ({@link Poller#PROPERTY}: the
 * build runs the DNS tests once on epoll, the default where native access is on, and once on
 * NIO), so that each pass really covers its transport.
 */
class TransportChoiceTest {
  @Test
  void theClientRunsTheTransportThisPassAsksFor() throws Exception {
    try (DnsClient client = DnsClient.create(() -> ResolverConfig.builder().build(), DnsCache.disabled())) {
      assertThat(client.transportName()).isEqualTo(Pollers.expected());
    }
  }

  @Test
  void epollIsAvailableWhereTheBuildRunsTheTests() {
    // The build enables native access and runs on Linux x86_64 or aarch64: epoll must not
    // silently fall back to NIO there, or the first pass would test NIO twice.
    assertThat(Syscalls.available()).isTrue();
  }
}
