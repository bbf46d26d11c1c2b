package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The error of a connect whose every attempt failed, per mode: Python keeps the last error,
 * asyncio's Happy Eyeballs reports one error, identical ones, or "Multiple exceptions", and
 * {@code all_errors} gives the group. Errors are written {@code r} (refused), {@code t} (timed
 * out), {@code u} (no route to host).
 */
class ConnectFailureTest {
  @ParameterizedTest(name = "{0} he={1} all={2} -> {3}")
  @CsvSource(delimiter = '|', value = {
    "r     | false | false | [Errno 111] Connection refused",
    "u r   | false | false | [Errno 111] Connection refused",
    "r u   | false | false | [Errno 113] No route to host",
    "r     | true  | false | [Errno 111] Connection refused",
    "t t   | true  | false | timed out",
    "r t   | true  | false | Multiple exceptions: [Errno 111] Connection refused, timed out",
    "r t   | false | true  | create_connection failed (2 sub-exceptions)",
    "t     | true  | true  | create_connection failed (1 sub-exception)",
    "      | false | false | getaddrinfo returns an empty list",
  })
  void picksPythonsError(String errors, boolean he, boolean all, String str) {
    List<NetDbException> list = new ArrayList<>();
    for (String e : errors == null ? new String[0] : errors.trim().split(" +")) {
      list.add(switch (e) {
        case "r" -> new SystemException(111, "Connection refused", null);
        case "u" -> new SystemException(113, "No route to host", null);
        default -> SystemException.timedOut(null);
      });
    }
    assertThat(ConnectFailure.of(list, null, null, all, he, "h:1").pythonStr()).isEqualTo(str);
  }

  @ParameterizedTest(name = "lookup errors he={0}")
  @CsvSource({"false", "true"})
  void withoutAttemptsTheLookupErrorIsRaised(boolean he) {
    var a = new GaiException(-2, "Name or service not known", null);
    var aaaa = new GaiException(-5, "No address associated with hostname", null);
    assertThat(ConnectFailure.of(List.of(), a, aaaa, true, he, "h:1")).isSameAs(a);
    assertThat(ConnectFailure.of(List.of(), null, aaaa, false, he, "h:1")).isSameAs(aaaa);
  }
}
