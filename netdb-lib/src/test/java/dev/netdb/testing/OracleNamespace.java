package dev.netdb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs commands (Python, getent, the netdb CLI, a JVM) in the <em>oracle namespace</em>: a
 * private network, mount and UTS namespace ({@code unshare --mount --net --uts}, root only) where
 * the only interface is a fresh loopback, {@code /etc/resolv.conf}, {@code /etc/hosts} and
 * {@code /etc/nsswitch.conf} are private copies, the hostname is {@code testhost}, and NSD serves
 * {@link TestZone#zonesWithRoot()} on 127.0.0.1:53 and [::1]:53. There, the OS resolver and
 * Python can look up any name without a packet leaving the machine, which reproduces the
 * reference environment of {@code python-semantics.md} plus DNS.
 *
 * <p>A session keeps one namespace alive for many commands: {@link #open} starts {@code
 * namespace-agent.sh} inside {@code unshare}; the agent checks that loopback is the only interface
 * and there is no default route (and exits otherwise, before anything else runs), optionally adds
 * the reference's "dual" network as a veth pair kept wholly inside ({@link
 * OracleConfig.Network}), then mounts the
 * files, starts NSD, and then runs one command per request, sequentially. Requests go through
 * files in the session directory (argv, stdin, stdout, stderr, exit status), so outputs of any
 * size are safe. {@link #close} ends the agent, which stops NSD with SIGTERM by PID; the
 * namespace vanishes with its last process. {@link #runOnce} is the one-namespace-per-call form.
 *
 * <p>Where root, {@code unshare}, {@code ip}, {@code nsd}, {@code dig} or {@code bash} is missing,
 * or the kernel refuses the namespaces, {@link #open} skips the calling test with a printed
 * reason (or fails it under {@code CI=true}); see {@link Requirements}.
 */
public final class OracleNamespace implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  /** Bounds one command; a command that runs longer ends the whole session. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
  private static final String EOF = "\u0000EOF";

  private final Process agent;
  private final Path session;
  private final Writer requests;
  private final BlockingQueue<String> replies;
  private final long nsdPid;
  private int nextId;

  private OracleNamespace(
      Process agent, Path session, BlockingQueue<String> replies, long nsdPid) {
    this.agent = agent;
    this.session = session;
    this.requests = agent.outputWriter(StandardCharsets.UTF_8);
    this.replies = replies;
    this.nsdPid = nsdPid;
  }

  /** Returns the fixture hosts file of {@code python-semantics.md} §0, as served in the namespace. */
  public static String fixtureHosts() {
    try (InputStream in = OracleNamespace.class.getResourceAsStream("fixture-hosts")) {
      if (in == null) {
        throw new IllegalStateException("test resource dev/netdb/testing/fixture-hosts missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks, without starting anything, that this machine can host the namespace, and skips (or
   * under {@code CI=true} fails) the test if not.
   */
  public static void requireAvailable() {
    Requirements.require(Requirements.isRoot(), "the oracle namespace needs root (unshare -mnu)");
    Requirements.requireProgram("unshare", "util-linux");
    Requirements.requireProgram("ip", "iproute2");
    Requirements.requireProgram("mount", "mount");
    Requirements.requireProgram("hostname", "hostname");
    Requirements.requireProgram("bash", "bash");
    Requirements.requireProgram("dig", "bind9-dnsutils");
    NsdServer.requireNsd();
  }

  /** Opens a session with the reference configuration, {@link OracleConfig#reference()}. */
  public static OracleNamespace open() throws IOException {
    return open(OracleConfig.reference());
  }

  /** Opens a session with {@code config}; see the class documentation. */
  public static OracleNamespace open(OracleConfig config) throws IOException {
    requireAvailable();
    Path session = Files.createTempDirectory("netdb-oracle-");
    try {
      config.writeTo(session);
      Path script = session.resolve("namespace-agent.sh");
      try (InputStream in = OracleNamespace.class.getResourceAsStream("namespace-agent.sh")) {
        Files.write(script, in.readAllBytes());
      }
      Files.createDirectories(session.resolve("req"));
      Process agent = new ProcessBuilder(
              "unshare", "--mount", "--net", "--uts", "--propagation", "private",
              "bash", script.toString(), session.toString())
          .redirectError(session.resolve("agent.err").toFile())
          .start();
      BlockingQueue<String> replies = new LinkedBlockingQueue<>();
      Thread.ofVirtual().name("oracle-namespace-reader").start(() -> pump(agent, replies));
      String first = poll(replies, START_TIMEOUT);
      if (first == null || !first.startsWith("READY ")) {
        String err = readQuietly(session.resolve("agent.err"));
        stop(agent);
        if (first == null || first.equals(EOF)) {
          // unshare itself failed (no CAP_SYS_ADMIN, user namespaces off, seccomp...): an
          // environment limit, not a netdb bug.
          Requirements.require(false, "unshare --mount --net --uts failed: " + err.strip());
        }
        throw new IOException("oracle namespace setup failed: " + first + "\n" + err);
      }
      OracleNamespace ns = new OracleNamespace(
          agent, session, replies, Long.parseLong(first.substring(6).strip()));
      ns.assertIsolated(config.network());
      return ns;
    } catch (IOException | RuntimeException | Error e) {
      if (!Boolean.getBoolean("netdb.oracle.keep")) {
        deleteTree(session);
      }
      throw e;
    }
  }

  /** Runs one command in a fresh namespace with the reference configuration, then tears it down. */
  public static CommandResult runOnce(List<String> command, String stdin) throws IOException {
    try (OracleNamespace ns = open()) {
      return ns.run(command, stdin);
    }
  }

  /** Runs {@code command} in the namespace, in the JVM's working directory. */
  public CommandResult run(List<String> command, String stdin) throws IOException {
    return run(command, stdin, Path.of("").toAbsolutePath());
  }

  /**
   * Runs {@code command} (argv; the first element is looked up on PATH) in the namespace in
   * {@code workingDirectory}, feeding it {@code stdin} (empty when null), and waits for it.
   */
  public synchronized CommandResult run(List<String> command, String stdin, Path workingDirectory)
      throws IOException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    if (!agent.isAlive()) {
      throw new IOException("oracle namespace has ended\n" + readQuietly(session.resolve("agent.err")));
    }
    int id = nextId++;
    Path request = session.resolve("req").resolve(Integer.toString(id));
    Files.createDirectories(request);
    StringBuilder argv = new StringBuilder();
    for (String arg : command) {
      if (arg.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("argument contains NUL: " + arg);
      }
      argv.append(arg).append('\0');
    }
    Files.writeString(request.resolve("argv"), argv);
    Files.writeString(request.resolve("cwd"), workingDirectory.toAbsolutePath().toString());
    Files.writeString(request.resolve("stdin"), stdin == null ? "" : stdin);
    requests.write(id + "\n");
    requests.flush();
    String reply = poll(replies, COMMAND_TIMEOUT);
    if (reply == null || !reply.equals("DONE " + id)) {
      String err = readQuietly(session.resolve("agent.err"));
      close();
      throw new IOException("oracle namespace: no answer for " + command + " (got " + reply
          + "); session closed\n" + err);
    }
    CommandResult result = new CommandResult(
        Files.readString(request.resolve("stdout")),
        Files.readString(request.resolve("stderr")),
        Integer.parseInt(Files.readString(request.resolve("exit")).strip()));
    deleteTree(request);
    return result;
  }

  /**
   * Runs a batch-mode command ({@code ./netdb --json getaddrinfo -}, {@code tools/oracle.py
   * getaddrinfo}) with {@code lines} on its standard input, one per line, in {@code
   * workingDirectory}.
   */
  public CommandResult runBatch(List<String> command, List<String> lines, Path workingDirectory)
      throws IOException {
    StringBuilder stdin = new StringBuilder();
    for (String line : lines) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("batch line contains a newline: " + line);
      }
      stdin.append(line).append('\n');
    }
    return run(command, stdin.toString(), workingDirectory);
  }

  /** Runs {@link #runBatch(List, List, Path)} in the JVM's working directory. */
  public CommandResult runBatch(List<String> command, List<String> lines) throws IOException {
    return runBatch(command, lines, Path.of("").toAbsolutePath());
  }

  /** Returns the PID of the NSD serving port 53 inside the namespace. */
  public long nsdPid() {
    return nsdPid;
  }

  /** Returns the PID of the agent (the process inside the namespace that runs the commands). */
  public long agentPid() {
    return agent.pid();
  }

  /** Ends the session: the agent stops NSD (SIGTERM by PID) and exits; the namespace vanishes. */
  @Override
  public synchronized void close() {
    try {
      requests.close(); // EOF: the agent's loop ends and its EXIT trap stops NSD
    } catch (IOException e) {
      // the agent is gone already
    }
    stop(agent);
    if (!Boolean.getBoolean("netdb.oracle.keep")) {
      deleteTree(session);
    }
  }

  /**
   * Fails unless {@code ip -o link} inside shows exactly {@code lo} (plus, for {@link
   * OracleConfig.Network#DUAL}, the veth pair {@code nd0@nd1}/{@code nd1@nd0}, whose peer names
   * prove both ends are in this namespace; a peer elsewhere would show as {@code @ifN}).
   */
  private void assertIsolated(OracleConfig.Network network) throws IOException {
    CommandResult links = run(List.of("ip", "-o", "link", "show"), null);
    List<String> names = links.lines().stream()
        .map(l -> l.split(": ", 3)).filter(f -> f.length > 1).map(f -> f[1]).sorted().toList();
    List<String> expected = network == OracleConfig.Network.DUAL
        ? List.of("lo", "nd0@nd1", "nd1@nd0") : List.of("lo");
    if (links.exit() != 0 || !names.equals(expected) || links.lines().size() != names.size()) {
      close();
      throw new IOException("oracle namespace interfaces are not " + expected
          + "; refusing to run anything:\n" + links.describe());
    }
  }

  private static void pump(Process agent, BlockingQueue<String> replies) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        replies.add(line);
      }
    } catch (IOException e) {
      // the stream closes when the agent dies
    }
    replies.add(EOF);
  }

  private static String poll(BlockingQueue<String> queue, Duration timeout) throws IOException {
    try {
      return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the oracle namespace", e);
    }
  }

  /** Stops the agent (which we started) and anything it left behind, each by its own PID. */
  private static void stop(Process agent) {
    List<ProcessHandle> descendants = agent.toHandle().descendants().toList();
    try {
      if (!agent.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        agent.destroy();
        if (!agent.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          agent.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle p : descendants) {
      if (p.isAlive()) {
        p.destroy();
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "<" + e.getMessage() + ">";
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
