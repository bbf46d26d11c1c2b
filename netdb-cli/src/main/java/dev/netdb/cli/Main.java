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

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    var in = new FileInputStream(FileDescriptor.in); // bytes: batch lines are checked as UTF-8
    var out = new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
    var err = new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
    System.exit(new Cli(in, out, err, BACKENDS).run(args));
  }

  /** Creates back ends with {@link BackendFactory}. */
  private static final class SystemBackends implements Session.NetDbSource {
    @Override
    public NetDb create(Options options) {
      return BackendFactory.create(options);
    }
  }
}
