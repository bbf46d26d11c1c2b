package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares {@link GetentFormat} over the system files with {@code getent}, byte for byte. */
class GetentFormatTest {
  static final GetentFormat.Source SYSTEM = GetentFormat.Source.of(FilesDatabases.system());

  @BeforeAll
  static void needsGetent() {
    assumeTrue(Oracle.available() || "true".equals(System.getenv("CI")), "getent or python3 missing");
  }

  @Test
  void listsServicesAsGetentDoes() {
    assertSame("services", List.of(), SYSTEM);
  }

  @Test
  void listsProtocolsAsGetentDoes() {
    assertSame("protocols", List.of(), SYSTEM);
  }

  @ParameterizedTest(name = "getent services {0}")
  @ValueSource(
      strings = {
        "http", "www", "HTTP", "http/tcp", "http/udp", "http/", "www/tcp", "domain/udp", "80",
        "80/tcp", "80/udp", "80/", "143", "0", "00080", "65535", "65536", "99999999999999999999",
        "-80", "+80", "80x", "/tcp", "", "imap2", "sieve", "5672/sctp", "amqp/sctp", "3/ddp",
        "echo/ddp", "7", "nosuchservice", "ssh/TCP", "22/sctp",
      })
  void answersServiceKeysAsGetentDoes(String key) {
    assertSame("services", List.of(key), SYSTEM);
  }

  @ParameterizedTest(name = "getent protocols {0}")
  @ValueSource(
      strings = {
        "tcp", "TCP", "Tcp", "6", "06", "6x", "17", "255", "256", "4294967302", "99999999999999999999",
        "-1", "+6", "ipv6-icmp", "IPv6-ICMP", "", "ip", "0", "nosuchproto",
      })
  void answersProtocolKeysAsGetentDoes(String key) {
    assertSame("protocols", List.of(key), SYSTEM);
  }

  @Test
  void givesStatusTwoWhenAnyKeyIsMissing() {
    assertSame("services", List.of("http", "nosuch", "22"), SYSTEM);
    assertSame("protocols", List.of("udp", "nosuch", "1"), SYSTEM);
  }

  @Test
  void padsNamesToTwentyOneBytes() {
    var e = new dev.netdb.ServiceEntry("é", List.of("a", "b"), 1, "tcp");
    assertThat(GetentFormat.serviceLine(e)).isEqualTo("é" + " ".repeat(19) + " 1/tcp a b\n");
    var p = new dev.netdb.ProtocolEntry("a-very-long-protocol-name", List.of(), -1);
    assertThat(GetentFormat.protocolLine(p)).isEqualTo("a-very-long-protocol-name -1\n");
  }

  /** Runs getent and the Java twin on the same keys and compares output and status. */
  static void assertSame(String database, List<String> keys, GetentFormat.Source source) {
    // "--" so that keys such as "-80" are keys, not getent options (getent exits 64 on those).
    List<String> argv = new ArrayList<>(List.of("getent", database));
    if (!keys.isEmpty()) {
      argv.add("--");
    }
    argv.addAll(keys);
    Oracle.Run expected = Oracle.run(argv, "");
    assertJava(database, keys, source, expected);
  }

  static void assertJava(String database, List<String> keys, GetentFormat.Source source, Oracle.Run expected) {
    StringBuilder out = new StringBuilder();
    int status =
        database.equals("services")
            ? GetentFormat.services(source, keys, out)
            : GetentFormat.protocols(source, keys, out);
    assertThat(out.toString()).isEqualTo(expected.stdout());
    assertThat(status).as("exit status").isEqualTo(expected.status());
  }

}
