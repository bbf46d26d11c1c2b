package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order of attempts: RFC 8305 §4 interleaving as asyncio's {@code _interleave_addrinfos}
 * gives it (rows checked against asyncio's function by hand: {@code 6a 6b 6c} and {@code 4a 4b}
 * with count 1 → {@code 6a 4a 6b 4b 6c}, count 2 → {@code 6a 6b 4a 6c 4b}), late answers, and
 * Python's plain order.
 */
class AddressQueueTest {
  @ParameterizedTest(name = "{0}: {1} + {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
    "1 | 6a 6b 6c | 4a 4b | 6a 4a 6b 4b 6c",
    "2 | 6a 6b 6c | 4a 4b | 6a 6b 4a 6c 4b",
    "3 | 6a 6b    | 4a 4b | 6a 6b 4a 4b",
    "1 | 6a       | 4a 4b 4c | 6a 4a 4b 4c",
    "1 |          | 4a 4b | 4a 4b",
    "1 | 6a 6b    |       | 6a 6b",
  })
  void interleavesFamilies(int count, String v6, String v4, String expected) {
    AddressQueue q = AddressQueue.interleaved(count);
    q.addAll(addresses(v6));
    q.addAll(addresses(v4));
    assertThat(drain(q)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "late AAAA {0}")
  @CsvSource(delimiter = '|', value = {
    "4a 4b | 6a 6b | 4a 6a 4b 6b",
    "4a    | 6a 6b | 4a 6a 6b",
  })
  void aLateAaaaAnswerJoinsAlternating(String v4, String v6, String expected) {
    AddressQueue q = AddressQueue.interleaved(1);
    q.addAll(addresses(v4));
    List<String> out = new ArrayList<>(List.of(name(q.next())));
    q.addAll(addresses(v6));
    out.add(drain(q));
    assertThat(String.join(" ", out)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "python order {0}")
  @CsvSource(delimiter = '|', value = {"6a 4a 6b 4b | 6a 4a 6b 4b", "4a 4b 6a | 4a 4b 6a"})
  void pythonOrderIsGetaddrinfos(String given, String expected) {
    AddressQueue q = AddressQueue.inOrder();
    q.addAll(addresses(given));
    assertThat(drain(q)).isEqualTo(expected);
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.next()).isNull();
  }

  /** {@code 6x} is 2001:db8::x, {@code 4x} is 192.0.2.x (x a hex digit), port 80. */
  private static List<SocketAddress> addresses(String names) {
    if (names == null || names.isBlank()) {
      return List.of();
    }
    return Arrays.stream(names.trim().split(" +")).map(n -> (SocketAddress) new InetSocketAddress(
        n.charAt(0) == '6' ? "2001:db8::" + n.charAt(1) : "192.0.2." + (n.charAt(1) - 'a' + 1),
        80)).toList();
  }

  private static String name(SocketAddress a) {
    byte[] b = ((InetSocketAddress) a).getAddress().getAddress();
    return b.length == 16 ? "6" + (char) ('a' + b[15] - 0xa) : "4" + (char) ('a' + b[3] - 1);
  }

  private static String drain(AddressQueue q) {
    List<String> out = new ArrayList<>();
    for (SocketAddress a; (a = q.next()) != null; ) {
      out.add(name(a));
    }
    return String.join(" ", out);
  }
}
