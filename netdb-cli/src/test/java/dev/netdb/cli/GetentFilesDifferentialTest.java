package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the CLI's {@code services} and {@code protocols} (the one getent formatter, {@link
 * ServicesCommand} and {@link ProtocolsCommand}) with glibc 2.36's {@code getent}, byte for byte
 * and exit status, over both back ends.
 *
 * <p>On the system files every key is compared with {@code getent DB -- KEY} run here: these
 * databases are {@code files} only, so nothing is looked up on the network. The fixture files
 * (glibc's parse quirks, and UTF-8 names, which {@code printf("%-21s")} pads by bytes) are
 * bind-mounted over {@code /etc/services} and {@code /etc/protocols} in a private mount and
 * network namespace ({@code unshare -mn}) for getent and for the OS back end; the java back end
 * reads them by path in-process.
 */
class GetentFilesDifferentialTest {
  private static final Path GETENT = Path.of("/usr/bin/getent");

  @TempDir static Path dir;

  @BeforeAll
  static void needsGetent() {
    Requirements.require(Files.isExecutable(GETENT), "getent (libc-bin) missing");
  }

  /** The back ends, each as the CLI's session would make it for the system files. */
  static List<String> backends() {
    return List.of("os", "java");
  }

  static NetDb systemDb(String backend) {
    return backend.equals("os") ? NetDb.os() : NetDb.java();
  }

  static final List<String> SERVICE_KEYS = List.of(
      "http", "www", "HTTP", "http/tcp", "http/udp", "http/", "www/tcp", "domain/udp", "80",
      "80/tcp", "80/udp", "80/", "143", "0", "00080", "65535", "65536", "99999999999999999999",
      "-80", "+80", "80x", "/tcp", "", "imap2", "sieve", "5672/sctp", "amqp/sctp", "3/ddp",
      "echo/ddp", "7", "nosuchservice", "ssh/TCP", "22/sctp");

  static final List<String> PROTOCOL_KEYS = List.of(
      "tcp", "TCP", "Tcp", "6", "06", "6x", "17", "255", "256", "4294967302",
      "99999999999999999999", "-1", "+6", "ipv6-icmp", "IPv6-ICMP", "", "ip", "0", "nosuchproto");

  static List<Arguments> systemKeys() {
    List<Arguments> rows = new ArrayList<>();
    for (String backend : backends()) {
      SERVICE_KEYS.forEach(k -> rows.add(Arguments.of(backend, "services", k)));
      PROTOCOL_KEYS.forEach(k -> rows.add(Arguments.of(backend, "protocols", k)));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("systemKeys")
  void answersEachKeyOfTheSystemFilesAsGetentDoes(String backend, String db, String key) {
    assertSameAsGetent(systemDb(backend), db, List.of(key), run(getent(db, List.of(key))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"os", "java"})
  void listsTheSystemFilesAsGetentDoes(String backend) {
    for (String db : List.of("services", "protocols")) {
      assertSameAsGetent(systemDb(backend), db, List.of(), run(getent(db, List.of())));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"os", "java"})
  void givesStatusTwoWhenAnyKeyIsMissing(String backend) {
    List<String> services = List.of("http", "nosuch", "22");
    List<String> protocols = List.of("udp", "nosuch", "1");
    assertSameAsGetent(systemDb(backend), "services", services, run(getent("services", services)));
    assertSameAsGetent(systemDb(backend), "protocols", protocols,
        run(getent("protocols", protocols)));
  }

  /** The quirks fixtures' keys, as the files tests of netdb-lib chose them. */
  static final List<String> QUIRK_SERVICE_KEYS = List.of("http", "HTTP", "WWW", "www/udp", "80/udp",
      "80", "same", "first", "first/tcp", "7", "8", "noproto/", "noproto", "82/", "al6", "tcpcp",
      "last", "91/tcpcp", "91/tcp", "utf", "hidden", "nul", "zz", "4464", "65535", "v1", "a", "a8y");

  static final List<String> QUIRK_PROTOCOL_KEYS = List.of("tcp", "TCP", "6", "66", "10",
      "4294967295", "20101", "p6", "q1", "SIX", "Q8");

  /** UTF-8 names: each shorter, exactly as long and longer than 21 bytes; a 4-byte character. */
  static final List<String> UTF8_SERVICE_KEYS = List.of("café", "été", "日本", "1236", "1237",
      "smile😀", "1238", "ascii-exactly-21-byte", "cafe");

  static final List<String> UTF8_PROTOCOL_KEYS = List.of("pröto", "X", "日本語", "é", "201");

  static List<Arguments> fixtures() {
    return List.of(
        Arguments.of("quirks", QUIRK_SERVICE_KEYS, QUIRK_PROTOCOL_KEYS),
        Arguments.of("utf8", UTF8_SERVICE_KEYS, UTF8_PROTOCOL_KEYS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void javaBackEndMatchesGetentOnFixtureFiles(String fixture, List<String> serviceKeys,
      List<String> protocolKeys) {
    requireNamespace();
    Path services = resource("services-" + fixture);
    Path protocols = resource("protocols-" + fixture);
    NetDb db = NetDb.builder().servicesFile(services).protocolsFile(protocols).build();
    for (var c : cases(serviceKeys, protocolKeys)) {
      Run expected = run(inNamespace(services, protocols, getent(c.db(), c.keys())));
      assertSameAsGetent(db, c.db(), c.keys(), expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void osBackEndMatchesGetentOnFixtureFiles(String fixture, List<String> serviceKeys,
      List<String> protocolKeys) {
    requireNamespace();
    Path services = resource("services-" + fixture);
    Path protocols = resource("protocols-" + fixture);
    // A JVM start per key would be slow: the listings and all keys in one run of each database.
    List<Case> cases = List.of(new Case("services", List.of()), new Case("protocols", List.of()),
        new Case("services", serviceKeys), new Case("protocols", protocolKeys));
    for (var c : cases) {
      Run expected = run(inNamespace(services, protocols, getent(c.db(), c.keys())));
      List<String> cli = new ArrayList<>(List.of("--backend", "os", c.db()));
      cli.addAll(c.keys());
      Run actual = run(inNamespace(services, protocols, Differential.java("dev.netdb.cli.Main", cli)));
      assertThat(actual.stdout()).as("netdb --backend os %s %s", c.db(), c.keys())
          .isEqualTo(expected.stdout());
      assertThat(actual.status()).as("exit status of %s %s", c.db(), c.keys())
          .isEqualTo(expected.status());
    }
  }

  @Test
  void padsUtf8NamesByBytesAsMeasuredWithGlibc() {
    // getent services with the utf8 fixture, glibc 2.36 (2026-12-01): "café" is 5 bytes, so 16
    // spaces; "日本" is 6 bytes, 15 spaces; ten "ñ" are 20 bytes, one space; eleven, none.
    StringBuilder out = new StringBuilder();
    ServicesCommand.print(out, new dev.netdb.ServiceEntry("café", List.of("été"), 1234, "tcp"));
    ServicesCommand.print(out, new dev.netdb.ServiceEntry("日本", List.of(), 1235, "tcp"));
    ServicesCommand.print(out, new dev.netdb.ServiceEntry("ñ".repeat(10), List.of(), 1236, "udp"));
    ServicesCommand.print(out, new dev.netdb.ServiceEntry("ñ".repeat(11), List.of(), 1237, "udp"));
    ProtocolsCommand.print(out, new dev.netdb.ProtocolEntry("pröto", List.of("X"), 200));
    assertThat(out.toString()).isEqualTo(
        "café" + " ".repeat(16) + " 1234/tcp été\n"
            + "日本" + " ".repeat(15) + " 1235/tcp\n"
            + "ñ".repeat(10) + " " + " 1236/udp\n"
            + "ñ".repeat(11) + " 1237/udp\n"
            + "pröto" + " ".repeat(15) + " 200 X\n");
  }

  /** One getent invocation: a database and its keys (none: the listing). */
  record Case(String db, List<String> keys) {}

  /** The listings, every key alone, then all keys in one run (getent's multi-key loop). */
  static List<Case> cases(List<String> serviceKeys, List<String> protocolKeys) {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("services", List.of()));
    cases.add(new Case("protocols", List.of()));
    serviceKeys.forEach(k -> cases.add(new Case("services", List.of(k))));
    protocolKeys.forEach(k -> cases.add(new Case("protocols", List.of(k))));
    cases.add(new Case("services", serviceKeys));
    cases.add(new Case("protocols", protocolKeys));
    return cases;
  }

  /** Runs the CLI in-process over {@code db} and compares it with getent's run. */
  static void assertSameAsGetent(NetDb netDb, String db, List<String> keys, Run expected) {
    List<String> argv = new ArrayList<>(List.of(db));
    argv.addAll(keys);
    CliRunner.Result r = CliRunner.run(netDb, "", argv.toArray(String[]::new));
    assertThat(r.out()).as("netdb %s %s", db, keys).isEqualTo(expected.stdout());
    assertThat(r.status()).as("exit status of %s %s", db, keys).isEqualTo(expected.status());
  }

  /** Returns {@code getent DB -- KEY...}: "--" so that keys such as "-80" are not options. */
  static List<String> getent(String db, List<String> keys) {
    List<String> argv = new ArrayList<>(List.of(GETENT.toString(), db));
    if (!keys.isEmpty()) {
      argv.add("--");
    }
    argv.addAll(keys);
    return argv;
  }

  static void requireNamespace() {
    Requirements.require(Requirements.isRoot(), "root (for unshare -mn and bind mounts)");
    Requirements.requireProgram("unshare", "util-linux");
  }

  /**
   * Returns {@code argv} run with {@code services} and {@code protocols} bind-mounted over the
   * system files, in a private mount and network namespace (only a loopback that is down).
   */
  static List<String> inNamespace(Path services, Path protocols, List<String> argv) {
    List<String> cmd = new ArrayList<>(List.of("unshare", "-mn", "sh", "-c",
        "mount --bind \"$1\" /etc/services && mount --bind \"$2\" /etc/protocols && shift 2"
            + " && exec \"$@\"",
        "sh", services.toAbsolutePath().toString(), protocols.toAbsolutePath().toString()));
    cmd.addAll(argv);
    return cmd;
  }

  /** The output (UTF-8) and exit status of one process. */
  record Run(String stdout, int status) {}

  static Run run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Run(new String(out, StandardCharsets.UTF_8), p.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Copies a fixture to the temporary directory, so it can be bind-mounted: the quirks files are
   * netdb-lib's ({@code testdata/files/}, from its test jar), the UTF-8 ones this module's.
   */
  static Path resource(String name) {
    Path f = dir.resolve(name);
    String folder = name.endsWith("-quirks") ? "/testdata/files/" : "/testdata/getent/";
    try (InputStream in = GetentFilesDifferentialTest.class.getResourceAsStream(folder + name)) {
      Files.write(f, in.readAllBytes());
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
