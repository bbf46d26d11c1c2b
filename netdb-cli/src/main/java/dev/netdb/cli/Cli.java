package dev.netdb.cli;

import dev.netdb.NetDbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code netdb} command line against given streams and returns the exit status, so tests
 * can run commands in-process; only {@link Main} exits. Status: 0 when every call succeeded, 2 when
 * any failed (getent's "not found"), 1 for a usage error.
 */
public final class Cli {
  private static final String HINT = "Try 'netdb --help' for usage.";

  private final InputStream in;
  private final Writer out;
  private final Writer err;
  private final Session.NetDbSource source;

  /** Creates a command line reading batch calls from {@code in}; {@code source} makes back ends. */
  Cli(Reader in, Writer out, Writer err, Session.NetDbSource source) {
    this(BatchInput.bytesOf(in), out, err, source);
  }

  /** Creates a command line reading batch lines as bytes (strict UTF-8) from {@code in}. */
  Cli(InputStream in, Writer out, Writer err, Session.NetDbSource source) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.source = source;
  }

  /**
   * Runs the command line and returns the exit status; output is flushed before it returns, and
   * nothing is thrown. When standard output is a pipe whose reader has gone ({@code netdb ... |
   * head}), the status is 141 with no message, as for a tool that dies of {@code SIGPIPE} (the JVM
   * ignores that signal, so the write fails with {@code EPIPE} instead); any other failure to
   * write the output is one line on standard error and status 1.
   */
  int run(String... argv) {
    int status = 1;
    String message = null;
    try {
      status = dispatch(argv);
    } catch (UsageException e) {
      message = "netdb: " + e.getMessage() + "\n" + HINT + "\n";
    } catch (IOException | RuntimeException | Error e) {
      // Never a stack trace: one line, status 1 (an Error here escaped every per-call catch).
      message = "netdb: " + e + "\n";
    }
    try {
      out.flush();
    } catch (IOException e) {
      if (BROKEN_PIPE.equals(e.getMessage())) {
        return 141;
      }
      status = 1;
      message = "netdb: cannot write the output: " + e.getMessage() + "\n";
    }
    try {
      if (message != null) {
        err.write(message);
      }
      err.flush();
    } catch (IOException e) {
      // standard error is gone too: the status is all that is left
    }
    return status;
  }

  /** The JDK's message for {@code EPIPE} ({@code strerror}), the only sign of a closed pipe. */
  private static final String BROKEN_PIPE = "Broken pipe";

  private int dispatch(String[] argv) throws IOException {
    String backend = null;
    boolean json = false;
    String hosts = null;
    String resolvConf = null;
    String gaiConf = null;
    boolean noCache = false;
    List<String> nameservers = new ArrayList<>();
    String hostname = null;
    List<String> interfaces = new ArrayList<>();
    int maxLineBytes = BatchInput.DEFAULT_MAX_LINE_BYTES;
    int maxDepth = JsonReader.DEFAULT_MAX_DEPTH;
    int udpMaxQueries = 0;
    int i = 0;
    for (; i < argv.length && argv[i].startsWith("--"); i++) {
      String a = argv[i];
      switch (a) {
        case "--help" -> {
          out.write(Usage.text());
          return 0;
        }
        case "--version" -> {
          out.write(Version.text());
          return 0;
        }
        case "--json" -> json = true;
        case "--no-cache" -> noCache = true;
        case "--backend" -> {
          backend = value(argv, ++i, a);
          if (!backend.equals("os") && !backend.equals("java")) {
            throw new UsageException("--backend takes os or java, not '" + backend + "'");
          }
        }
        case "--hosts" -> hosts = value(argv, ++i, a);
        case "--resolv-conf" -> resolvConf = value(argv, ++i, a);
        case "--gai-conf" -> gaiConf = value(argv, ++i, a);
        case "--nameserver" -> nameservers.add(value(argv, ++i, a));
        case "--hostname" -> hostname = value(argv, ++i, a);
        case "--interface" -> interfaces.add(value(argv, ++i, a));
        case "--max-line-bytes" -> maxLineBytes = limit(argv, ++i, a);
        case "--max-depth" -> maxDepth = limit(argv, ++i, a);
        case "--udp-max-queries" -> udpMaxQueries = udpMaxQueries(argv, ++i, a);
        default -> throw new UsageException("unknown option '" + a + "'");
      }
    }
    if (i >= argv.length) {
      throw new UsageException("no command given");
    }
    if (backend == null && argv[i].equals("explain")) {
      backend = "java"; // explain traces the pure-Java resolver and compares the OS one
    }
    Options options = new Options(backend, json, hosts, resolvConf, List.copyOf(nameservers),
        gaiConf, noCache, hostname, List.copyOf(interfaces), maxLineBytes, maxDepth, udpMaxQueries);
    Session session = new Session(options, source);
    String name = argv[i];
    List<String> words = List.of(argv).subList(i + 1, argv.length);
    if (name.equals("help") || name.equals("completion") || words.contains("--help")) {
      return tool(name, words);
    }
    if (Commands.connect(name)) {
      return new CreateConnectionCommand(out).run(session, words);
    }
    if (Commands.explain(name)) {
      return ExplainCommand.run(session, words, json, out, dev.netdb.NetDb::os);
    }
    Command command = Commands.python(name);
    if (command != null) {
      return json ? runJson(session, command, words) : runText(session, command, words);
    }
    GetentCommand db = Commands.getent(name);
    if (db == null) {
      throw new UsageException("unknown command '" + name + "'");
    }
    if (json) {
      throw new UsageException("--json does not apply to getent's database " + name);
    }
    if (words.equals(List.of("-")) && db instanceof GetentHostDatabase hostDb) {
      return Batch.getent(input(options), out, err, session, hostDb, Progress.forStderr(err));
    }
    StringBuilder sb = new StringBuilder();
    int status = db.run(session, words, sb);
    out.write(sb.toString());
    return status;
  }

  /** Runs {@code help [COMMAND]}, {@code COMMAND --help} and {@code completion bash|zsh}. */
  private int tool(String name, List<String> words) throws IOException {
    String topic = name;
    if (name.equals("help")) {
      if (words.size() > 1) {
        throw new UsageException("help takes one command name");
      }
      if (words.isEmpty()) {
        out.write(Usage.text());
        return 0;
      }
      topic = words.get(0).equals("--help") ? name : words.get(0);
    } else if (name.equals("completion") && !words.contains("--help")) {
      if (words.size() != 1 || !(words.get(0).equals("bash") || words.get(0).equals("zsh"))) {
        throw new UsageException("completion takes bash or zsh");
      }
      out.write(words.get(0).equals("bash") ? ShellCompletion.bash() : ShellCompletion.zsh());
      return 0;
    }
    Usage.Entry entry = Usage.entry(topic);
    if (entry == null) {
      throw new UsageException("unknown command '" + topic + "'");
    }
    out.write(Usage.help(entry));
    return 0;
  }

  /** Returns a batch limit's value: a whole number from 1 to 2**31 - 9, or a usage error. */
  private static int limit(String[] argv, int i, String option) {
    String v = value(argv, i, option);
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > Integer.MAX_VALUE - 8) {
      throw new UsageException(option + " takes a whole number from 1 to " + (Integer.MAX_VALUE - 8)
          + ", not '" + v + "'");
    }
    return (int) n;
  }

  /** Returns {@code --udp-max-queries}'s value: a whole number from 0 to 65536, or a usage error. */
  private static int udpMaxQueries(String[] argv, int i, String option) {
    String v = value(argv, i, option);
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 0 || n > 65_536) {
      throw new UsageException(option + " takes a whole number from 0 to 65536, not '" + v + "'");
    }
    return (int) n;
  }

  private BatchInput input(Options options) {
    return new BatchInput(in, options.maxLineBytes());
  }

  private static String value(String[] argv, int i, String option) {
    if (i >= argv.length) {
      throw new UsageException(option + " needs a value");
    }
    return argv[i];
  }

  private int runText(Session session, Command command, List<String> words) throws IOException {
    if (words.equals(List.of("-")) && Batch.ONE_ARGUMENT.contains(command.name())) {
      return Batch.text(input(session.options()), out, err, session, command,
          Progress.forStderr(err));
    }
    List<List<PyValue>> calls = command.calls(words);
    List<String> labels = new ArrayList<>(calls.size());
    int width = 0;
    for (List<PyValue> args : calls) {
      String label = command.label(args);
      labels.add(label);
      width = Math.max(width, label.length());
    }
    int status = 0;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < calls.size(); k++) {
      Outcome o = invoke(session, command, calls.get(k));
      if (!(o instanceof Outcome.Returned)) {
        status = 2;
      }
      TextRenderer.render(sb, command.layout(), labels.get(k), width, o);
      out.append(sb);
      sb.setLength(0);
    }
    return status;
  }

  private int runJson(Session session, Command command, List<String> words) throws IOException {
    int status = 0;
    StringBuilder sb = new StringBuilder(256);
    if (words.size() == 1 && words.get(0).equals("-")) {
      return Batch.json(input(session.options()), out, err, session, command,
          Progress.forStderr(err));
    }
    for (List<PyValue> args : command.calls(words)) {
      Outcome o = invoke(session, command, args);
      if (!(o instanceof Outcome.Returned)) {
        status = 2;
      }
      JsonRenderer.render(sb, o);
      out.append(sb);
      sb.setLength(0);
    }
    return status;
  }

  /** Runs one call; every failure of the call becomes Python's exception, never a stack trace. */
  static Outcome invoke(Session session, Command command, List<PyValue> args) {
    try {
      PyValue v = command.call(session, Conversions.apply(command.name(), args));
      return new Outcome.Returned(args, v);
    } catch (PyError e) {
      return new Outcome.Raised(args, e);
    } catch (NetDbException e) {
      return new Outcome.Raised(args, PyError.of(e));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A library defect or a resource Error, not Python behaviour: reported per call (a usage
      // error is thrown again) so a batch goes on.
      return Outcome.failure(args, e);
    }
  }
}
