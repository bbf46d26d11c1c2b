package dev.netdb.cli;

import dev.netdb.NetDb;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** The {@code netdb} command: the only place that exits. */
public final class Main {
  /** The back ends of a real run. */
  static final Session.NetDbSource BACKENDS = new SystemBackends();

  private Main() {}

  /**
   * Runs the command and exits with its status.
   *
   * <p>It ends with {@link Runtime#halt} once both streams are flushed ({@link Cli#run} flushes
   * them on every path): {@code System.exit} would run the shutdown hooks, and in JDK 25 it sets up
   * {@code System.Logger} for the {@code java.lang.Runtime} exit log, about 12 ms of a 30 ms start.
   * netdb registers no hooks and owns no resource the OS does not release.
   */
  public static void main(String[] args) {
    var in = new FileInputStream(FileDescriptor.in); // bytes: batch lines are checked as UTF-8
    var out = new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
    var err = new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
    int status = new Cli(in, out, err, BACKENDS).run(args);
    Runtime.getRuntime().halt(status);
  }

  /** Creates back ends with {@link BackendFactory}. */
  private static final class SystemBackends implements Session.NetDbSource {
    @Override
    public NetDb create(Options options) {
      return BackendFactory.create(options);
    }
  }
}
