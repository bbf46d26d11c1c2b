package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the command table ({@link Usage}) against what the command line really accepts, and the
 * help it prints: every command {@link Commands} dispatches and every option {@link Cli} parses
 * has an entry, every entry runs, and each example in the table succeeds.
 */
class UsageTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/netdb/cli");

  static Stream<Usage.Entry> entries() {
    return Usage.COMMANDS.stream();
  }

  @Test
  void everyDispatchedCommandHasAnEntryAndEveryEntryIsDispatched() throws IOException {
    // The switches in Commands are the truth of what runs; the table must name exactly those
    // (plus help and completion, which Cli runs itself).
    Set<String> dispatched = quoted(SOURCES.resolve("Commands.java"), "case \"([a-z0-9_]+)\" ->");
    Set<String> documented = new LinkedHashSet<>(Usage.names());
    documented.removeAll(List.of("help", "completion"));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(dispatched);
    for (Usage.Entry e : Usage.COMMANDS) {
      switch (e.group()) {
        case PYTHON -> assertThat(Commands.python(e.name()).name()).isEqualTo(e.name());
        case GETENT -> assertThat(Commands.getent(e.name()).name()).isEqualTo(e.name());
        case TOOL -> assertThat(CliRunner.fake(e.name().equals("completion")
            ? new String[] {"completion", "bash"} : new String[] {e.name()}).status()).isZero();
      }
    }
  }

  @Test
  void everyGlobalOptionHasAnEntryAndEveryEntryIsAccepted() throws IOException {
    Set<String> parsed = quoted(SOURCES.resolve("Cli.java"), "case \"(--[a-z0-9-]+)\" ->");
    List<String> documented = new ArrayList<>();
    for (Usage.Option o : Usage.OPTIONS) {
      documented.add(o.name());
      List<String> argv = new ArrayList<>(List.of(o.name()));
      if (o.value() != null) {
        argv.add("x");
      }
      argv.add("nosuchcommand");
      var r = CliRunner.fake(argv.toArray(String[]::new));
      assertThat(r.err()).as(o.name()).doesNotContain("unknown option");
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(parsed);
  }

  @Test
  void helpListsEveryCommandAndOption() {
    var r = CliRunner.fake("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("usage: netdb");
    for (Usage.Entry e : Usage.COMMANDS) {
      assertThat(r.out()).contains("\n  " + e.synopsis());
    }
    for (Usage.Option o : Usage.OPTIONS) {
      assertThat(r.out()).contains("\n  " + o.synopsis());
    }
    assertThat(CliRunner.fake("help").out()).isEqualTo(r.out());
    assertThat(r.out().lines().filter(l -> l.length() > 80)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void commandHelpGivesArgumentsEquivalentAndExample(Usage.Entry e) {
    var viaHelp = CliRunner.fake("help", e.name());
    var viaOption = CliRunner.fake(e.name(), "--help");
    assertThat(viaHelp.status()).isZero();
    assertThat(viaOption.status()).isZero();
    assertThat(viaOption.out()).isEqualTo(viaHelp.out());
    assertThat(viaHelp.out()).startsWith("usage: netdb [OPTIONS] " + e.synopsis() + "\n")
        .contains("\nExample: " + e.example() + "\n");
    if (e.group() != Usage.Group.TOOL) {
      assertThat(e.equivalent()).isNotBlank();
      assertThat(viaHelp.out()).contains(e.equivalentLabel() + ":").contains(e.equivalent());
    }
    for (Usage.Arg a : e.args()) {
      assertThat(viaHelp.out()).contains("  " + a.name() + " ");
    }
    for (Usage.Option o : e.options()) {
      assertThat(viaHelp.out()).contains("  " + o.synopsis() + " ");
    }
    assertThat(e.example()).contains(e.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void exampleSucceeds(Usage.Entry e, @TempDir Path dir) throws IOException {
    if (e.group() == Usage.Group.TOOL) {
      return; // help and completion: covered above
    }
    // The java back end with private files; a name missing from them would go to 127.0.0.1:9,
    // so nothing leaves loopback.
    Path hosts = Files.writeString(dir.resolve("hosts"),
        "127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    List<String> argv = new ArrayList<>(List.of("--backend", "java", "--hosts", hosts.toString(),
        "--resolv-conf", resolv.toString(), "--nameserver", "127.0.0.1:9", "--hostname",
        "testhost", "--interface", "192.0.2.10/24", "--interface", "2001:db8::10/64"));
    List<String> words = List.of(e.example().split(" "));
    java.net.ServerSocket listener = null;
    if (e.group() == Usage.Group.CONNECT) {
      // The example connects: give it a listener on 127.0.0.1 at the port it names.
      listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.ofLiteral("127.0.0.1"));
      String port = Integer.toString(listener.getLocalPort());
      words = words.stream().map(w -> w.equals("22") ? port : w).toList();
    }
    assertThat(words.getFirst()).isEqualTo("netdb");
    argv.addAll(words.subList(1, words.size()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new Cli(new StringReader(""), out, err, Main.BACKENDS)
        .run(argv.toArray(String[]::new));
    if (listener != null) {
      listener.close();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isNotEmpty().doesNotContain("ERROR");
    assertThat(status).isZero();
  }

  @Test
  void versionNamesTheBuildTheBackEndsAndTheJdk() {
    var r = CliRunner.fake("--version");
    assertThat(r.status()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    // Filtered by the build: a number, never the ${project.version} placeholder.
    assertThat(lines.get(0)).matches("netdb \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(lines.get(1)).startsWith("back ends: ").contains("java (pure Java");
    assertThat(lines.get(2)).startsWith("Java " + Runtime.version());
  }

  @Test
  void helpErrorsKeepTheOneLineAndTheHint() {
    for (String[] argv : new String[][] {
        {"help", "nosuch"}, {"nosuch", "--help"}, {"help", "a", "b"}, {"completion", "fish"},
        {"completion"}}) {
      var r = CliRunner.fake(argv);
      assertThat(r.status()).as(String.join(" ", argv)).isEqualTo(1);
      assertThat(r.err()).startsWith("netdb: ").endsWith("\nTry 'netdb --help' for usage.\n");
      assertThat(r.err().lines().count()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    }
    assertThat(CliRunner.fake("help", "nosuch").err()).contains("unknown command 'nosuch'");
  }

  @Test
  void synopsisOfEachCommandComesFromTheTable() {
    for (Usage.Entry e : Usage.COMMANDS) {
      Command c = e.group() == Usage.Group.PYTHON ? Commands.python(e.name()) : null;
      if (c != null) {
        assertThat(c.synopsis()).isEqualTo(e.synopsis());
      }
    }
  }

  @Test
  void aNormalRunNeverLoadsTheTable(@TempDir Path dir) throws Exception {
    // Start-up: the help, completion and man page classes stay off the path of a lookup.
    Path log = dir.resolve("classes.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-cp",
        System.getProperty("java.class.path"), "dev.netdb.cli.Main", "inet_aton", "127.1")
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("127.1 : 7f000001\n");
    String loaded = Files.readString(log);
    assertThat(loaded).contains("dev.netdb.cli.Cli ").contains("dev.netdb.cli.InetAtonCommand ");
    for (Class<?> c : List.of(Usage.class, Usage.Entry.class, Version.class,
        ShellCompletion.class, ManPage.class)) {
      assertThat(loaded).doesNotContain(c.getName() + " ");
    }
  }

  private static Set<String> quoted(Path source, String regex) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = Pattern.compile(regex).matcher(Files.readString(source));
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).as("cases in " + source).isNotEmpty();
    return found;
  }
}
