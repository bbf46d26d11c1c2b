package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import dev.netdb.testing.GetaddrinfoCorpus;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.OracleNamespace;
import dev.netdb.testing.OracleNamespaceExtension;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's differential suite: the pure-Java back end, outside any namespace, against NSD on
 * loopback (a free port) serving the same zones as the namespace's, root zone included (so other
 * names are NXDOMAIN there too, not REFUSED as from the shared {@code NsdExtension} server), must
 * print what Python printed inside the oracle
 * namespace for the same calls. Python's lines are captured in the namespace on each run and kept
 * under {@code target/differential/python/} (generated, never committed); the CLI runs in-process
 * as {@code netdb --json --backend java --hosts FIXTURE --resolv-conf FILE --gai-conf FILE
 * --nameserver 127.0.0.1:PORT FUNC -}, with files matching the namespace's.
 *
 * <p>Network safety: the java back end is never given the system's resolv.conf, which names the
 * upstream server; {@link #javaOptions} always passes {@code --resolv-conf} (a file naming only
 * 127.0.0.1) and {@code --nameserver} on loopback, and {@link #run} refuses options without them.
 *
 * <p>The cache is off ({@code --no-cache}): glibc without nscd asks NSD every time, and NSD
 * answers in the query's case through name compression ({@code WWW.Example.TEST} gives {@code
 * host.Example.TEST}), which a cache keyed case-insensitively cannot reproduce.
 *
 * <p>The host name ({@code testhost}) and the interface addresses that {@code AI_ADDRCONFIG} and
 * the RFC 3484 sort see (loopback only, index 1) are the namespace's too, through {@code
 * --hostname} and {@code --interface}. {@code host.conf} cannot be given yet: the system's is used
 * (Debian's {@code multi on}, as in the namespace).
 */
@ExtendWith(OracleNamespaceExtension.class)
class JavaBackendDifferentialTest {
  private static final Path CAPTURED = Path.of("target/differential/python");
  private static NsdServer nsd;

  private final OracleNamespace ns;

  JavaBackendDifferentialTest(OracleNamespace ns) {
    Differential.requirePython();
    this.ns = ns;
  }

  @BeforeAll
  static void startNsd() throws IOException {
    nsd = NsdServer.start(TestZone.zonesWithRoot());
  }

  @AfterAll
  static void stopNsd() {
    if (nsd != null) {
      nsd.close();
    }
  }

  @Test
  void getaddrinfoCorpusMatchesPython() throws IOException {
    List<String> corpus = GetaddrinfoCorpus.generate();
    List<String> diffs = run("getaddrinfo", corpus);
    Differential.report("java getaddrinfo corpus", corpus.size(), diffs);
    assertThat(diffs).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn",
      "getnameinfo"})
  void hostFunctionsMatchPython(String func) throws IOException {
    List<String> calls = OsBackendDifferentialTest.hostCalls(func);
    List<String> diffs = run(func, calls);
    Differential.report("java " + func, calls.size(), diffs);
    assertThat(diffs).isEmpty();
  }

  /** Captures Python's lines in the namespace, runs the java back end here, and compares. */
  private List<String> run(String func, List<String> calls) throws IOException {
    CommandResult python = ns.runBatch(Differential.oracle(func), calls, Differential.repoRoot());
    if (python.exit() != 0) {
      throw new IllegalStateException("oracle.py " + func + " failed: " + python.describe());
    }
    Files.createDirectories(CAPTURED);
    Files.writeString(CAPTURED.resolve(func + ".jsonl"), python.stdout());

    List<String> args = new ArrayList<>(javaOptions());
    if (!args.contains("--resolv-conf") || !args.contains("--nameserver")
        || !args.get(args.indexOf("--nameserver") + 1).startsWith("127.0.0.1:")) {
      throw new IllegalStateException("the java back end must get a loopback resolver: " + args);
    }
    args.addAll(List.of(func, "-"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new Cli(new StringReader(String.join("\n", calls) + "\n"), out, err,
        BackendFactory::create).run(args.toArray(String[]::new));
    if (status != 0 && status != 2) {
      throw new IllegalStateException("netdb " + args + " exited " + status + ": " + err);
    }
    return Differential.compare(func, calls, python.lines(), out.toString().lines().toList());
  }

  /** Returns the CLI options that give the java back end the namespace's files and NSD. */
  private List<String> javaOptions() throws IOException {
    Path dir = Files.createDirectories(Path.of("target/differential/java-inputs"));
    Path hosts = Files.writeString(dir.resolve("hosts"), OracleNamespace.fixtureHosts());
    // The namespace's resolv.conf; --nameserver replaces its server with NSD's port.
    Path resolv = Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.1\noptions attempts:1 timeout:1\n");
    Path gai = Files.writeString(dir.resolve("gai.conf"), "# glibc defaults\n");
    return List.of("--json", "--backend", "java", "--hosts", hosts.toString(),
        "--resolv-conf", resolv.toString(), "--gai-conf", gai.toString(),
        "--nameserver", "127.0.0.1:" + nsd.port(), "--no-cache", "--hostname", "testhost",
        "--interface", "127.0.0.1/8%1", "--interface", "::1/128%1");
  }
}
