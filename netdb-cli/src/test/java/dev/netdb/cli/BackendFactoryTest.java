package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackendFactoryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1            | 127.0.0.1 | 53
      127.0.0.1:5353       | 127.0.0.1 | 5353
      ::1                  | 0:0:0:0:0:0:0:1 | 53
      [::1]:5353           | 0:0:0:0:0:0:0:1 | 5353
      [2001:db8::1]        | 2001:db8:0:0:0:0:0:1 | 53
      """)
  void nameserverTakesLiteralsWithOptionalPort(String text, String host, int port) {
    InetSocketAddress a = BackendFactory.nameserver(text);
    assertThat(a.getAddress().getHostAddress()).isEqualTo(host);
    assertThat(a.getPort()).isEqualTo(port);
    assertThat(a.isUnresolved()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "ns.example.test:53", "127.0.0.1:0", "127.0.0.1:65536",
      "127.0.0.1:x", "[::1", "[::1]x", "1.2.3.4.5"})
  void nameserverRefusesNamesAndBadPorts(String text) {
    assertThatThrownBy(() -> BackendFactory.nameserver(text))
        .isInstanceOf(UsageException.class).hasMessageContaining("--nameserver");
  }

  @Test
  void javaOptionsBuildAJavaBackEnd() {
    var o = new Options("java", true, "/nonexistent/hosts", "/nonexistent/resolv.conf",
        List.of("127.0.0.1:5353"), "/nonexistent/gai.conf", true, "testhost",
        List.of("127.0.0.1/8", "::1/128%1"));
    var db = BackendFactory.create(o);
    assertThat(db.backendName()).isEqualTo("java");
    assertThat(db.gethostname()).isEqualTo("testhost");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.0.0.1/33", "::1/129", "::1/128%0", "::1/x",
      "localhost/8", "127.0.0.1/8%lo"})
  void interfaceRefusesBadAddresses(String text) {
    assertThatThrownBy(() -> BackendFactory.interfaceAddress(dev.netdb.NetDb.builder(), text))
        .isInstanceOf(UsageException.class).hasMessageContaining("--interface");
  }

  @Test
  void javaOptionsAreRefusedForTheOsBackEnd() {
    var o = new Options("os", true, "/etc/hosts", null, List.of(), null, false, null, List.of());
    assertThatThrownBy(() -> BackendFactory.create(o)).isInstanceOf(UsageException.class);
  }
}
