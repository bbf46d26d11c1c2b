package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {

  @Test
  void textLinesAreRightAlignedLikeTheChapter() {
    var r = CliRunner.fake("getservbyname", "http", "ftp", "imap", "nosuch");
    assertThat(r.out()).isEqualTo("""
          http : 80
           ftp : 21
          imap : 143
        nosuch : ERROR: service/proto not found
        """);
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void allSucceededExitsZero() {
    var r = CliRunner.fake("getservbyport", "80", "143/tcp");
    assertThat(r.out()).isEqualTo("     80 : http\n143/tcp : imap2\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void hostEntryBlockFollowsGethostbynameEx() {
    var r = CliRunner.fake("gethostbyname_ex", "vm", "nosuchname");
    assertThat(r.out()).isEqualTo("""
        vm
          Hostname: vm
          Aliases : ['vm.local']
         Addresses: ['127.0.0.1']

        nosuchname
        ERROR: [Errno -2] Name or service not known

        """);
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void addrinfoBlocksNameConstantsLikeGetConstants() {
    var r = CliRunner.fake("getaddrinfo", "127.0.0.1", "80", "--flags", "AI_NUMERICHOST");
    assertThat(r.out()).isEqualTo("""
        Family        : AF_INET
        Type          : SOCK_STREAM
        Protocol      : IPPROTO_TCP
        Canonical name: \

        Socket address: ('127.0.0.1', 80)

        Family        : AF_INET6
        Type          : SOCK_DGRAM
        Protocol      : IPPROTO_UDP
        Canonical name: \

        Socket address: ('::1', 80, 0, 3)

        Family        : AF_DECnet
        Type          : 99
        Protocol      : IPPROTO_IP
        Canonical name: \

        Socket address: ('127.0.0.1', 80)

        """);
  }

  @Test
  void jsonShowsEnumNamesAndKeepsNumbersWithoutMembers() {
    var r = CliRunner.fake("--json", "getaddrinfo", "127.0.0.1", "80", "--family", "AF_INET");
    assertThat(r.out()).isEqualTo("{\"call\": [\"127.0.0.1\", 80, \"AF_INET\", 0, 0, 0], \"result\": "
        + "[[\"AF_INET\", \"SOCK_STREAM\", 6, \"\", [\"127.0.0.1\", 80]], "
        + "[\"AF_INET6\", \"SOCK_DGRAM\", 17, \"\", [\"::1\", 80, 0, 3]], "
        + "[12, 99, 0, \"\", [\"127.0.0.1\", 80]]]}\n");
  }

  @Test
  void jsonErrorCarriesTypeCodeAndMessage() {
    var r = CliRunner.fake("--json", "gethostbyname", "nosuchname");
    assertThat(r.out()).isEqualTo("{\"call\": [\"nosuchname\"], \"error\": {\"type\": \"gaierror\","
        + " \"code\": -2, \"message\": \"Name or service not known\"}}\n");
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void batchGoesOnAfterMalformedLinesAndKeepsOrder() {
    String in = "[\"http\"]\nnot json\n\n[\"nosuch\"]\n[\"ftp\", \"tcp\"]\n[5]\n";
    var r = CliRunner.run(new FakeNetDb(), in, "--json", "getservbyname", "-");
    assertThat(r.out()).isEqualTo("""
        {"call": ["http"], "result": 80}
        {"call": null, "error": {"type": "ValueError", "code": null, "message": "line 2: not a JSON array of arguments"}}
        {"call": ["nosuch"], "error": {"type": "OSError", "code": null, "message": "service/proto not found"}}
        {"call": ["ftp", "tcp"], "result": 21}
        {"call": [5], "error": {"type": "TypeError", "code": null, "message": "getservbyname() argument 1 must be str, not int"}}
        """);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void batchStreamsManyLines() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      in.append("[").append(i % 200).append("]\n");
    }
    var r = CliRunner.run(new FakeNetDb(), in.toString(), "--json", "getservbyport", "-");
    assertThat(r.out().lines().count()).isEqualTo(20_000);
    assertThat(r.out().lines().skip(80).findFirst())
        .contains("{\"call\": [80], \"result\": \"http\"}");
  }

  @Test
  void batchOutputIsEachLinesOwnOutputAcrossChunksAndLongLines() {
    // Results collect in chunks of 8192 chars on their way to the writer; lines of every length,
    // some longer than a chunk, must come out whole and in order.
    List<String> lines = new ArrayList<>();
    for (int len : new int[] {0, 1, 100, 4000, 8150, 8192, 9000, 20_000, 3, 50_000, 7}) {
      lines.add("[\"7f000001\"]");
      lines.add("[\"" + "\u00e9".repeat(len) + "\"]");
      lines.add("[" + len + "]");
    }
    var batch = CliRunner.run(new FakeNetDb(), String.join("\n", lines) + "\n", "--json",
        "inet_ntoa", "-");
    StringBuilder oneByOne = new StringBuilder();
    for (String line : lines) {
      oneByOne.append(CliRunner.run(new FakeNetDb(), line + "\n", "--json", "inet_ntoa", "-").out());
    }
    assertThat(batch.out().lines().count()).isEqualTo(lines.size());
    assertThat(batch.out()).isEqualTo(oneByOne.toString());
  }

  @Test
  void getnameinfoTakesFourTupleAndFlagNames() {
    var r = CliRunner.fake("--json", "getnameinfo", "::1", "80", "0", "7", "--flags",
        "NI_NUMERICHOST,NI_NUMERICSERV");
    assertThat(r.out())
        .isEqualTo("{\"call\": [[\"::1\", 80, 0, 7], \"NI_NUMERICHOST|NI_NUMERICSERV\"], \"result\": [\"::1%7\", \"80\"]}\n");
  }

  @Test
  void gethostnameAndGetfqdnNeedNoArguments() {
    assertThat(CliRunner.fake("gethostname").out()).isEqualTo("vm\n");
    assertThat(CliRunner.fake("getfqdn").out()).isEqualTo(" : vm\n");
    assertThat(CliRunner.fake("--json", "getfqdn").out())
        .isEqualTo("{\"call\": [], \"result\": \"vm\"}\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no command                 | ''                                  | no command given
      unknown command            | nosuch                              | unknown command 'nosuch'
      unknown option             | --frobnicate getservbyname http     | unknown option '--frobnicate'
      bad backend                | --backend rust getservbyname http   | --backend takes os or java
      backend without value      | --backend                           | --backend needs a value
      missing arguments          | getservbyname                       | getservbyname needs
      port not a number          | getservbyport http                  | PORT must be a number
      getaddrinfo arity          | getaddrinfo 127.0.0.1               | getaddrinfo takes HOST and PORT
      bad constant               | getaddrinfo 127.0.0.1 80 --family X | --family takes a number
      json with getent           | --json services http                | --json does not apply
      gethostname with argument  | gethostname x                       | takes no arguments
      inet_pton without address  | inet_pton AF_INET                   | inet_pton needs
      udp-max-queries negative   | --udp-max-queries -1 gethostname    | --udp-max-queries takes a whole number from 0 to 65536
      udp-max-queries too big    | --udp-max-queries 65537 gethostname | not '65537'
      """)
  void usageErrorsExitOneWithReasonAndHint(String name, String argv, String reason) {
    String[] args = argv.isEmpty() ? new String[0] : argv.split(" ");
    var r = CliRunner.fake(args);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("netdb: ").contains(reason)
        .endsWith("\nTry 'netdb --help' for usage.\n");
    assertThat(r.err().lines().count()).isEqualTo(2);
  }

  @Test
  void helpExitsZero() {
    var r = CliRunner.fake("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("usage: netdb");
  }

  @Test
  void unavailableBackEndIsAUsageErrorWithoutStackTrace() {
    StringBuilderWriter w = new StringBuilderWriter();
    var err = new java.io.StringWriter();
    int status = new Cli(new java.io.StringReader(""), w, err, o -> {
      throw new UnsupportedOperationException("OS back end not built yet");
    }).run("getservbyname", "http");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("netdb: the back end is not available here: OS back end");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      Broken pipe;              141; ''
      No space left on device;  1;   'netdb: cannot write the output: No space left on device\n'
      """)
  void aFailedWriteOfTheOutputIsAStatusNotAStackTrace(String error, int expected, String message) {
    var out = new java.io.Writer() {
      @Override public void write(char[] c, int off, int len) {}
      @Override public void flush() throws java.io.IOException {
        throw new java.io.IOException(error);
      }
      @Override public void close() {}
    };
    var err = new java.io.StringWriter();
    int status = new Cli(new java.io.StringReader(""), out, err, o -> new FakeNetDb()).run("inet_ntoa", "7f000001");
    assertThat(status).isEqualTo(expected);
    assertThat(err.toString()).isEqualTo(message);
  }

  /** A writer over a string builder. */
  private static final class StringBuilderWriter extends java.io.StringWriter {}
}
