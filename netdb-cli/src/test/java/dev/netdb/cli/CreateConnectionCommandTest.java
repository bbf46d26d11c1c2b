package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code create_connection} in-process against real loopback sockets (numeric addresses only):
 * text and JSON output, exit codes, usage errors.
 */
class CreateConnectionCommandTest {
  private static int closedPort() throws Exception {
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return ((InetSocketAddress) s.getLocalAddress()).getPort();
    }
  }

  @Test
  void connectsPrintsTheAttemptAndThePeer() throws Exception {
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
      var r = CliRunner.run(NetDb.java(), "", "create_connection", "127.0.0.1", "" + port);
      assertThat(r.status()).isZero();
      assertThat(r.out()).matches("(?s)127\\.0\\.0\\.1:" + port + " +start +[0-9.]+ ms  connected"
          + " after [0-9.]+ ms\nconnected to 127\\.0\\.0\\.1:" + port + "\n");
      var j = CliRunner.run(NetDb.java(), "", "--json", "create_connection", "127.0.0.1",
          "" + port, "--happy-eyeballs-delay", "0.25", "--interleave", "2", "--timeout", "2",
          "--source-address", "127.0.0.1:0");
      assertThat(j.status()).isZero();
      assertThat(j.out()).startsWith("{\"call\": [\"127.0.0.1\", " + port + "], \"attempts\": "
          + "[{\"address\": \"127.0.0.1:" + port + "\", \"start\": ")
          .contains("\"outcome\": \"connected\"")
          .endsWith("\"result\": {\"peer\": [\"127.0.0.1\", " + port + "]}}\n");
    }
  }

  @Test
  void everyAttemptFailingExitsWithTwo() throws Exception {
    int port = closedPort();
    var r = CliRunner.run(NetDb.java(), "", "create_connection", "::1", "" + port);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).contains("failed after").endsWith(
        "ERROR: [Errno 111] Connection refused\n");
    var j = CliRunner.run(NetDb.java(), "", "--json", "create_connection", "127.0.0.1",
        "" + port, "--all-errors");
    assertThat(j.status()).isEqualTo(2);
    assertThat(j.out()).endsWith("\"error\": {\"type\": \"ExceptionGroup\", \"code\": null,"
        + " \"message\": \"create_connection failed\", \"exceptions\": [{\"type\":"
        + " \"ConnectionRefusedError\", \"code\": 111, \"message\": \"Connection refused\"}]}}\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "create_connection 127.0.0.1                        | takes HOST and PORT",
    "create_connection 127.0.0.1 1 --timeout            | --timeout needs a value",
    "create_connection 127.0.0.1 1 --timeout x          | takes seconds",
    "create_connection 127.0.0.1 1 --interleave 2       | --interleave needs --happy-eyeballs-delay",
    "create_connection 127.0.0.1 1 --bogus              | unknown option '--bogus'",
    "create_connection 127.0.0.1 1 --source-address [::1 | missing ']'",
  })
  void usageErrorsExitWithOne(String argv, String reason) {
    var r = CliRunner.run(NetDb.java(), "", argv.split(" "));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains(reason);
  }

  @Test
  void sourceAddressForms() {
    assertThat(CreateConnectionCommand.hostPort("127.0.0.1:80")).containsExactly("127.0.0.1", "80");
    assertThat(CreateConnectionCommand.hostPort("127.0.0.1")).containsExactly("127.0.0.1", null);
    assertThat(CreateConnectionCommand.hostPort("::1")).containsExactly("::1", null);
    assertThat(CreateConnectionCommand.hostPort("[::1]:5")).containsExactly("::1", "5");
  }
}
