package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the per-server UDP wait against glibc send_dg: (retrans << ns) / nscount for ns > 0, at least 1 s. */
class UdpTimeoutTest {
  @ParameterizedTest(name = "timeout {0} ms, server {1} of {2} -> {3} ms")
  @CsvSource({
    "5000, 0, 1, 5000",
    "5000, 0, 3, 5000",
    "5000, 1, 3, 3000",
    "5000, 2, 3, 6000",
    "1000, 1, 3, 1000",
    "1000, 2, 3, 1000",
    "2000, 1, 2, 2000",
    "30000, 2, 3, 40000",
    "300, 1, 2, 300",
    "300, 2, 3, 400",
  })
  void waitsAsGlibc(long timeoutMs, int ns, int nscount, long expectedMs) {
    assertThat(Exchange.udpTimeout(Duration.ofMillis(timeoutMs), ns, nscount)).isEqualTo(Duration.ofMillis(expectedMs));
  }
}
