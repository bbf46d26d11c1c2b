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
      127.0.0.1        | 127.0.0.1 | 53
      127.0.0.1:5353   | 127.0.0.1 | 5353
      ::1              | ::1       | 53
      [::1]:5300       | ::1       | 5300
      [::1]            | ::1       | 53
      """)
  void nameserversAreNumeric(String text, String host, int port) {
    InetSocketAddress a = BackendFactory.nameserver(text);
    assertThat(a.getAddress().getHostAddress().replace("0:0:0:0:0:0:0:1", "::1")).isEqualTo(host);
    assertThat(a.getPort()).isEqualTo(port);
    assertThat(a.isUnresolved()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "example.com:53", "1.2.3.4:99999", "1.2.3.4:", "[::1",
      "[::1]x", "1.2.3.4:-1", ""})
  void badNameserversAreUsageErrors(String text) {
    assertThatThrownBy(() -> BackendFactory.nameserver(text))
        .isInstanceOf(UsageException.class).hasMessageContaining("--nameserver");
  }

  @Test
  void javaOptionsWithOsBackendAreAUsageError() {
    var o = new Options("os", false, "/etc/hosts", null, List.of(), null, false, null, List.of());
    assertThatThrownBy(() -> BackendFactory.create(o)).isInstanceOf(UsageException.class);
  }

  @Test
  void hostsOptionReachesTheJavaBackEnd() throws Exception {
    var file = java.nio.file.Files.createTempFile("hosts", "");
    java.nio.file.Files.writeString(file, "192.0.2.7 fixture-host\n");
    var r = CliRunner.run(BackendFactory.create(
        // a loopback nameserver keeps any DNS fall-through off the network
        new Options(null, false, file.toString(), null, List.of("127.0.0.1:9"), null, true, null,
            List.of())), "",
        "gethostbyname", "fixture-host");
    java.nio.file.Files.delete(file);
    assertThat(r.out()).isEqualTo("fixture-host : 192.0.2.7\n");
  }

  @Test
  void hostnameAndInterfacesReachTheJavaBackEnd() {
    var o = new Options("java", true, "/nonexistent/hosts", "/nonexistent/resolv.conf",
        List.of("127.0.0.1:9"), "/nonexistent/gai.conf", true, "testhost",
        List.of("127.0.0.1/8", "::1/128%1"));
    var db = BackendFactory.create(o);
    assertThat(db.backendName()).isEqualTo("java");
    assertThat(db.gethostname()).isEqualTo("testhost");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.0.0.1/33", "::1/129", "::1/128%0", "::1/x",
      "localhost/8", "127.0.0.1/8%lo", "127.0.0.1/-8"})
  void badInterfacesAreUsageErrors(String text) {
    assertThatThrownBy(() -> BackendFactory.interfaceAddress(dev.netdb.NetDb.builder(), text))
        .isInstanceOf(UsageException.class).hasMessageContaining("--interface");
  }
}
