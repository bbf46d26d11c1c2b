package dev.netdb.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netdb.AddressFamily;
import dev.netdb.IdnaException;
import dev.netdb.Inet;
import dev.netdb.InvalidValueException;
import dev.netdb.NetDbException;
import dev.netdb.SystemException;

/**
 * Fuzzes the four text codecs. Invariants: nothing but the documented {@link NetDbException} kinds
 * escapes; each throwing method agrees with its non-throwing twin; {@code pton → ntop → pton} is the
 * identity; {@code inet_aton} of a valid {@code inet_pton(AF_INET)} text gives the same bytes.
 *
 * <p>Regression inputs live in {@code src/test/resources/dev/netdb/text/InetFuzzTestInputs/} and
 * run in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl netdb-lib test -Dtest=InetFuzzTest} fuzzes.
 */
class InetFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void aton(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    byte[] packed;
    try {
      packed = Inet.aton(text);
    } catch (SystemException | InvalidValueException | IdnaException e) {
      assertThat(Inet.tryAton(text)).isNull();
      return;
    }
    assertThat(packed).hasSize(4).isEqualTo(Inet.tryAton(text));
    // aton reads a.b.c.d back exactly.
    assertThat(Inet.aton(Inet.ntoa(packed))).isEqualTo(packed);
  }

  @FuzzTest(maxDuration = "60s")
  void pton(FuzzedDataProvider data) {
    AddressFamily family = data.consumeBoolean() ? AddressFamily.INET6 : AddressFamily.INET;
    String text = data.consumeRemainingAsString();
    byte[] packed;
    try {
      packed = Inet.pton(family, text);
    } catch (SystemException | InvalidValueException | IdnaException e) {
      assertThat(Inet.tryPton(family, text)).isNull();
      return;
    }
    assertThat(packed).hasSize(family == AddressFamily.INET ? 4 : 16);
    assertThat(Inet.tryPton(family, text)).isEqualTo(packed);
    String canonical = Inet.ntop(family, packed);
    assertThat(Inet.pton(family, canonical)).isEqualTo(packed);
    if (family == AddressFamily.INET) {
      assertThat(canonical).isEqualTo(text); // IPv4 text has a single valid spelling
      assertThat(Inet.aton(text)).isEqualTo(packed);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void ntop(FuzzedDataProvider data) {
    int family = data.consumeBoolean() ? 10 : data.consumeInt();
    byte[] packed = data.consumeRemainingAsBytes();
    String text;
    try {
      text = Inet.ntop(family, packed);
    } catch (InvalidValueException e) {
      String expected =
          family == 2 || family == 10
              ? "invalid length of packed IP address string"
              : "unknown address family " + family;
      assertThat(e.pythonMessage()).isEqualTo(expected);
      return;
    }
    assertThat(Inet.pton(family, text)).isEqualTo(packed);
    assertThat(text).hasSizeLessThanOrEqualTo(45).doesNotContain(":::");
  }

  @FuzzTest(maxDuration = "60s")
  void ntoa(byte[] packed) {
    String text;
    try {
      text = Inet.ntoa(packed);
    } catch (SystemException e) {
      assertThat(packed.length).isNotEqualTo(4);
      assertThat(Inet.tryNtoa(packed)).isNull();
      return;
    }
    assertThat(Inet.aton(text)).isEqualTo(packed);
    assertThat(Inet.pton(AddressFamily.INET, text)).isEqualTo(packed);
  }
}
