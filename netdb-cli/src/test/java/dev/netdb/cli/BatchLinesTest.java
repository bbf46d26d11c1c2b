package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line-oriented batches (issue 11 §4): without {@code --json}, a lone {@code -} reads one argument
 * per line, and each line prints exactly what {@code netdb COMMAND ARG} prints, in input order,
 * with the exit status of {@code netdb COMMAND ARG1 ARG2 ...}; at the end the java back end writes
 * its summary line to stderr. Lookups go to NSD on loopback serving the test zone; the hosts file
 * is a private fixture and resolv.conf names only 127.0.0.1.
 */
@ExtendWith(NsdExtension.class)
class BatchLinesTest {
  private final NsdServer nsd;

  BatchLinesTest(NsdServer nsd) {
    this.nsd = nsd;
  }

  static Stream<Arguments> commands() {
    List<String> names = List.of(TestZone.HOST, TestZone.WWW, TestZone.DUAL, TestZone.V4ONLY,
        TestZone.V6ONLY, TestZone.NXDOMAIN, TestZone.NODATA, TestZone.WILDCARD_MATCH,
        TestZone.IDNA_UNICODE, "fixture-host", "192.0.2.110", "a..b", " " + TestZone.HOST);
    List<String> addresses = List.of(TestZone.PTR_ONE_V4, TestZone.PTR_TWO_V4,
        TestZone.PTR_ONE_V6, TestZone.PTR_NONE_V4, "192.0.2.7", "not an address", "fixture-host");
    return Stream.of(
        Arguments.of("gethostbyname", names),
        Arguments.of("gethostbyname_ex", names),
        Arguments.of("gethostbyaddr", addresses),
        Arguments.of("getfqdn", addresses),
        Arguments.of("hosts", names),
        Arguments.of("hosts", addresses),
        Arguments.of("ahosts", names),
        Arguments.of("ahostsv4", names),
        Arguments.of("ahostsv6", names));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("commands")
  void eachLinePrintsWhatTheSameArgumentPrints(String command, List<String> args,
      @TempDir Path dir) throws IOException {
    List<String> options = javaOptions(dir);
    NetDb db = BackendFactory.create(parse(options));
    StringBuilder expected = new StringBuilder();
    for (String arg : args) {
      expected.append(run(db, "", options, command, arg).out());
    }
    CliRunner.Result together = run(db, "", options, command, args.toArray(String[]::new));

    CliRunner.Result batch = run(db, String.join("\n", args) + "\n", options, command, "-");
    assertThat(batch.out()).isEqualTo(expected.toString());
    assertThat(batch.status()).isEqualTo(together.status());
    assertThat(batch.err()).matches("netdb: batch calls=" + args.size()
        + " answered=\\d+ nxdomain=\\d+ nodata=\\d+ again=\\d+ other=\\d+ malformed=0"
        + " elapsed=\\d+\\.\\d{3}s rate=\\d+/s\n");
    assertThat(together.err()).isEmpty();
  }

  @Test
  void theSummaryCountsEachKindOfOutcome(@TempDir Path dir) throws IOException {
    List<String> options = javaOptions(dir);
    NetDb db = BackendFactory.create(parse(options));
    // answered, answered, NXDOMAIN, NODATA, a bad name (UnicodeError: other), an empty line
    // (skipped), a line that is not UTF-8
    byte[] in = (TestZone.HOST + "\nfixture-host\n" + TestZone.NXDOMAIN + "\n" + TestZone.NODATA
        + "\na..b\n\n\u0000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    in[in.length - 2] = (byte) 0xff;
    List<String> argv = new ArrayList<>(options);
    argv.addAll(List.of("gethostbyname", "-"));
    var r = CliRunner.runBytes(db, in, argv.toArray(String[]::new));
    assertThat(r.out().lines().toList()).containsExactly(
        TestZone.HOST + " : " + TestZone.HOST_V4.get(0),
        "fixture-host : 192.0.2.200",
        TestZone.NXDOMAIN + " : ERROR: [Errno -2] Name or service not known",
        TestZone.NODATA + " : ERROR: [Errno -5] No address associated with hostname",
        "a..b : ERROR: encoding with 'idna' codec failed (UnicodeError: label empty or too long)",
        "ERROR: line 7: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).matches("netdb: batch calls=6 answered=2 nxdomain=1 nodata=1 again=0"
        + " other=1 malformed=1 elapsed=\\d+\\.\\d{3}s rate=\\d+/s\n");
  }

  @Test
  void aGetentLineThatCannotBeAKeyIsReportedOnStderr(@TempDir Path dir) throws IOException {
    List<String> options = new ArrayList<>(javaOptions(dir));
    options.addAll(List.of("--max-line-bytes", "20"));
    NetDb db = BackendFactory.create(parse(options));
    byte[] in = "fixture-host\n\u0000\nfixture-alias-that-is-too-long\nlocalhost\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    in[13] = (byte) 0xc3;
    List<String> argv = new ArrayList<>(options);
    argv.addAll(List.of("hosts", "-"));
    var r = CliRunner.runBytes(db, in, argv.toArray(String[]::new));
    assertThat(r.out()).isEqualTo("192.0.2.200     fixture-host fixture-alias\n"
        + "127.0.0.1       localhost\n");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).matches("netdb: hosts: line 2: 'utf-8' codec can't decode byte 0xc3 in"
        + " position 0: unexpected end of data\n"
        + "netdb: hosts: line 3: longer than the limit of 20 bytes \\(--max-line-bytes\\)\n"
        + "netdb: batch calls=4 answered=2 nxdomain=0 nodata=0 again=0 other=0 malformed=2"
        + " elapsed=\\d+\\.\\d{3}s rate=\\d+/s\n");
  }

  @Test
  void timeoutsAreCountedAsAgain(@TempDir Path dir) throws IOException {
    Path resolv = Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    // A loopback port with no server: the query fails at once or times out, both EAI_AGAIN.
    List<String> options = List.of("--backend", "java", "--hosts", hosts(dir).toString(),
        "--resolv-conf", resolv.toString(), "--nameserver", "127.0.0.1:9", "--no-cache");
    NetDb db = BackendFactory.create(parse(options));
    var r = run(db, TestZone.HOST + "\n", options, "gethostbyname", "-");
    assertThat(r.out()).isEqualTo(
        TestZone.HOST + " : ERROR: [Errno -3] Temporary failure in name resolution\n");
    assertThat(r.err()).startsWith("netdb: batch calls=1 answered=0 nxdomain=0 nodata=0 again=1"
        + " other=0 malformed=0 elapsed=");
  }

  @Test
  void noSummaryWithoutABatchOrWithoutTheJavaBackEnd(@TempDir Path dir) throws IOException {
    List<String> options = javaOptions(dir);
    NetDb db = BackendFactory.create(parse(options));
    assertThat(run(db, "", options, "gethostbyname", "fixture-host").err()).isEmpty();
    // A batch that never needs a back end creates none, so there is no summary either.
    assertThat(CliRunner.run(db, "[\"7f000001\"]\n", "--backend", "java", "--json", "inet_ntoa",
        "-").err()).isEmpty();
    // The OS back end: services need no DNS.
    var os = CliRunner.run(NetDb.os(), "[\"http\"]\n", "--backend", "os", "--json",
        "getservbyname", "-");
    assertThat(os.out()).isEqualTo("{\"call\": [\"http\"], \"result\": 80}\n");
    assertThat(os.err()).isEmpty();
  }

  @Test
  void otherCommandsStillTakeADashAsAnArgument() {
    // getservbyname has more than one argument form: '-' stays a service name, as before.
    var r = CliRunner.fake("getservbyname", "-");
    assertThat(r.out()).isEqualTo("- : ERROR: service/proto not found\n");
  }

  private CliRunner.Result run(NetDb db, String stdin, List<String> options, String command,
      String... args) {
    List<String> argv = new ArrayList<>(options);
    argv.add(command);
    argv.addAll(List.of(args));
    return CliRunner.run(db, stdin, argv.toArray(String[]::new));
  }

  private List<String> javaOptions(Path dir) throws IOException {
    Path resolv = Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.1\noptions timeout:1 attempts:2\n");
    return List.of("--backend", "java", "--hosts", hosts(dir).toString(), "--resolv-conf",
        resolv.toString(), "--nameserver", "127.0.0.1:" + nsd.port(), "--no-cache",
        "--hostname", "testhost", "--interface", "127.0.0.1/8%1", "--interface", "::1/128%1");
  }

  private static Path hosts(Path dir) throws IOException {
    return Files.writeString(dir.resolve("hosts"),
        "127.0.0.1 localhost\n192.0.2.200 fixture-host fixture-alias\n");
  }

  /** Returns the options a command line with these words would hold. */
  private static Options parse(List<String> words) {
    Options[] seen = new Options[1];
    List<String> argv = new ArrayList<>(words);
    argv.add("gethostbyname");
    argv.add("localhost");
    new Cli(new java.io.StringReader(""), new java.io.StringWriter(), new java.io.StringWriter(),
        o -> {
          seen[0] = o;
          return new FakeNetDb();
        }).run(argv.toArray(String[]::new));
    return seen[0];
  }
}
