package dev.netdb.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderSettingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1                      | 127.0.0.1:53
      127.0.0.1:5353                 | 127.0.0.1:5353
      ::1                            | [::1]:53
      [::1]:5353                     | [::1]:5353
      '127.0.0.1:53, [2001:db8::1]'  | 127.0.0.1:53,[2001:db8::1]:53
      """)
  void nameserversParse(String text, String expected) {
    List<String> got = ProviderSettings.nameservers(text).stream().map(ProviderSettingsTest::show).toList();
    assertThat(String.join(",", got)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      localhost        | not a numeric IP address
      127.0.0.1:0      | bad port
      127.0.0.1:65536  | bad port
      127.0.0.1:x      | bad port
      [::1             | no closing ']'
      [::1]5353        | expected ':PORT'
      ''               | not a numeric IP address
      """)
  void badNameserversAreRefusedByName(String text, String reason) {
    assertThatThrownBy(() -> ProviderSettings.nameservers(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void defaultsWhenNothingIsSet() {
    ProviderSettings s = ProviderSettings.from(new Properties(), (k, why) -> { throw new AssertionError(k); });
    assertThat(s).isEqualTo(new ProviderSettings("java", List.of(), Path.of("/etc/hosts"),
        Path.of("/etc/resolv.conf"), Path.of("/etc/gai.conf"), true, Duration.ofDays(1),
        Duration.ofDays(1), Duration.ofMillis(1800), true, Duration.ofMillis(10), Duration.ofSeconds(1), false, 0));
  }

  @Test
  void everyBadValueIsReportedAndReplacedByItsDefault() {
    Properties p = new Properties();
    p.setProperty("netdb.backend", "glibc");
    p.setProperty("netdb.nameservers", "127.0.0.1,dns.example");
    p.setProperty("netdb.hosts", "");
    p.setProperty("netdb.cache", "yes");
    p.setProperty("netdb.cache.maxTtl", "-1");
    p.setProperty("netdb.cache.stale", "1d");
    p.setProperty("netdb.cache.staleResponseMillis", "-5");
    p.setProperty("netdb.cache.refreshAhead", "on");
    p.setProperty("netdb.cache.tickMillis", "10ms");
    p.setProperty("netdb.fileCheckMillis", "1s");
    p.setProperty("netdb.disable", "1");
    p.setProperty("netdb.udpMaxQueries", "70000");
    List<String> reported = new ArrayList<>();
    ProviderSettings s = ProviderSettings.from(p, (k, why) -> reported.add(k));
    assertThat(reported).containsExactly(
        "netdb.backend", "netdb.nameservers", "netdb.hosts", "netdb.cache", "netdb.cache.maxTtl",
        "netdb.cache.stale", "netdb.cache.staleResponseMillis", "netdb.cache.refreshAhead", "netdb.cache.tickMillis",
        "netdb.fileCheckMillis",
        "netdb.disable", "netdb.udpMaxQueries");
    assertThat(s).isEqualTo(ProviderSettings.from(new Properties(), (k, why) -> {}));
  }

  @Test
  void goodValuesAreTaken() {
    Properties p = new Properties();
    p.setProperty("netdb.backend", "OS");
    p.setProperty("netdb.nameservers", "127.0.0.1:5300");
    p.setProperty("netdb.hosts", "/tmp/h");
    p.setProperty("netdb.cache", "false");
    p.setProperty("netdb.cache.maxTtl", "30");
    p.setProperty("netdb.disable", "TRUE");
    p.setProperty("netdb.udpMaxQueries", "100");
    p.setProperty("netdb.cache.tickMillis", "0");
    ProviderSettings s = ProviderSettings.from(p, (k, why) -> { throw new AssertionError(k); });
    assertThat(s.backend()).isEqualTo("os");
    assertThat(s.nameservers()).containsExactly(new InetSocketAddress("127.0.0.1", 5300));
    assertThat(s.hosts()).isEqualTo(Path.of("/tmp/h"));
    assertThat(s.cache()).isFalse();
    assertThat(s.cacheMaxTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.disabled()).isTrue();
    assertThat(s.udpMaxQueries()).isEqualTo(100);
    assertThat(s.tick()).isZero();
  }

  private static String show(InetSocketAddress a) {
    String h = a.getAddress().getHostAddress();
    return (h.contains(":") ? "[" + java.net.InetAddress.ofLiteral(h).getHostAddress().replace("0:0:0:0:0:0:0:1", "::1")
        .replace("2001:db8:0:0:0:0:0:1", "2001:db8::1") + "]" : h) + ":" + a.getPort();
  }
}
