package dev.netdb.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares a 20,000-call seeded corpus of random and edge-case codec calls with {@code
 * /usr/bin/python3}. The seed is {@code -Dnetdb.oracle.seed} (default 20261125). The million-call
 * run is {@code scripts/oracle-codecs}.
 */
class InetOracleTest {
  @Test
  void matchesPythonOnTwentyThousandCalls() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(
          PythonCodecOracle.available(), "/usr/bin/python3 is missing: oracle comparison skipped");
    }
    long seed = Long.getLong("netdb.oracle.seed", 20261125L);
    PythonCodecOracle.Result result = PythonCodecOracle.compare(new CodecCorpus(seed, 3334), 10);
    assertThat(result.calls()).isGreaterThanOrEqualTo(20_000);
    assertThat(result.examples()).as("differences from Python, seed %d", seed).isEmpty();
    assertThat(result.differences()).isZero();
    // The corpus must reach both outcomes of every codec, or the comparison proves little.
    assertThat(result.outcomes().keySet())
        .contains(
            "aton ok", "ntoa ok", "pton(2) ok", "pton(10) ok", "ntop(2) ok", "ntop(10) ok",
            "aton OSError\t-\tillegal IP address string passed to inet_aton",
            "pton(10) OSError\t-\tillegal IP address string passed to inet_pton");
  }
}
