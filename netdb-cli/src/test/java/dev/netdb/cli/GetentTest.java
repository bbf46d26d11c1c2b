package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GetentTest {

  /** Skips until {@code dev.netdb.Inet} (being written in parallel) has its codecs. */
  static void assumeInetBuilt() {
    boolean built;
    try {
      dev.netdb.Inet.pton(dev.netdb.AddressFamily.INET, "127.0.0.1");
      built = true;
    } catch (UnsupportedOperationException e) {
      built = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(built, "dev.netdb.Inet is not built yet");
  }

  @Test
  void servicesListsTheDatabaseInGetentFormat() {
    var r = CliRunner.fake("services");
    assertThat(r.out()).isEqualTo("""
        ftp                   21/tcp
        http                  80/tcp www
        imap2                 143/tcp imap
        domain                53/tcp
        domain                53/udp
        """);
    assertThat(r.status()).isZero();
  }

  /** Keys as getent.c services_keys reads them: digits 0-65535 are ports, the rest names. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http      | 'http                  80/tcp www'  | 0
      www       | 'http                  80/tcp www'  | 0
      80        | 'http                  80/tcp www'  | 0
      0080      | 'http                  80/tcp www'  | 0
      80/tcp    | 'http                  80/tcp www'  | 0
      53/udp    | 'domain                53/udp'      | 0
      80/udp    | ''                                  | 2
      080x      | ''                                  | 2
      99999     | ''                                  | 2
      HTTP      | ''                                  | 2
      """)
  void servicesKeys(String key, String line, int status) {
    var r = CliRunner.fake("services", key);
    assertThat(r.out()).isEqualTo(line.isEmpty() ? "" : line + "\n");
    assertThat(r.status()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tcp        | 'tcp                   6 TCP'  | 0
      TCP        | 'tcp                   6 TCP'  | 0
      6          | 'tcp                   6 TCP'  | 0
      6x         | 'tcp                   6 TCP'  | 0
      4294967302 | 'tcp                   6 TCP'  | 0
      300        | ''                             | 2
      Tcp        | ''                             | 2
      """)
  void protocolsKeys(String key, String line, int status) {
    var r = CliRunner.fake("protocols", key);
    assertThat(r.out()).isEqualTo(line.isEmpty() ? "" : line + "\n");
    assertThat(r.status()).isEqualTo(status);
  }

  @Test
  void oneMissingKeyMakesTheStatusTwoButOthersPrint() {
    var r = CliRunner.fake("services", "http", "nosuch", "ftp");
    assertThat(r.out()).isEqualTo(
        "http                  80/tcp www\nftp                   21/tcp\n");
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void ahostsPrintsScopeAndCanonnameOnFirstEntry() {
    var r = CliRunner.fake("ahosts", "vm", "nosuch");
    assertThat(r.out()).isEqualTo("""
        127.0.0.1       STREAM vm
        127.0.0.1       DGRAM \s
        fe80::1%2     RAW   \s
        """);
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void hostsFallsBackFromInet6ToInet() {
    assumeInetBuilt();
    var r = CliRunner.fake("hosts", "vm");
    assertThat(r.out()).isEqualTo("127.0.0.1       vm vm.local\n");
    assertThat(r.status()).isZero();
  }
}
