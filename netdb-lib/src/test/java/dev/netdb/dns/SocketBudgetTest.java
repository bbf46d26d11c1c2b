package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the default cap on sockets in flight and the reading of {@code /proc/self/limits}. */
class SocketBudgetTest {
  @ParameterizedTest(name = "RLIMIT_NOFILE {0} -> {1} sockets")
  @CsvSource({
    "1024,       448",
    "4096,       1984",
    "256,        64",
    "64,         16",
    "20000,      4096",
    "1048576,    4096",
  })
  void takesHalfOfWhatTheReserveLeaves(long limit, int expected) {
    assertThat(SocketBudget.defaultFor(limit)).isEqualTo(expected);
  }

  @Test
  void readsTheSoftLimitOfMaxOpenFiles() {
    String limits = """
        Limit                     Soft Limit           Hard Limit           Units
        Max cpu time              unlimited            unlimited            seconds
        Max open files            1024                 524288               files
        Max locked memory         8388608              8388608              bytes
        """;
    assertThat(SocketBudget.parseLimits(limits)).isEqualTo(1024);
    assertThat(SocketBudget.parseLimits(limits.replace("1024    ", "unlimited"))).isEqualTo(Long.MAX_VALUE);
    assertThat(SocketBudget.parseLimits("garbage")).isEqualTo(1024);
  }

  @Test
  void thisProcessHasALimit() {
    assertThat(SocketBudget.softLimit()).isPositive();
    assertThat(SocketBudget.defaultMaxSockets()).isBetween(16, SocketBudget.MAX_DEFAULT);
  }
}
