package dev.netdb.cli;

import dev.netdb.NetDb;
import java.io.StringReader;
import java.io.StringWriter;

/** Runs the command line in-process over strings, for tests. */
final class CliRunner {
  /** The result of one run. */
  record Result(int status, String out, String err) {}

  private CliRunner() {}

  /** Runs {@code argv} with {@code stdin} against the given back end. */
  static Result run(NetDb netDb, String stdin, String... argv) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new Cli(new StringReader(stdin), out, err, new Fixed(netDb)).run(argv);
    return new Result(status, out.toString(), err.toString());
  }

  /** Runs {@code argv} with raw bytes on standard input, as {@link Main} reads them. */
  static Result runBytes(NetDb netDb, byte[] stdin, String... argv) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new Cli(new java.io.ByteArrayInputStream(stdin), out, err, new Fixed(netDb))
        .run(argv);
    return new Result(status, out.toString(), err.toString());
  }

  /** Runs {@code argv} against a {@link FakeNetDb} with empty input. */
  static Result fake(String... argv) {
    return run(new FakeNetDb(), "", argv);
  }

  private record Fixed(NetDb netDb) implements Session.NetDbSource {
    @Override
    public NetDb create(Options options) {
      return netDb;
    }
  }
}
