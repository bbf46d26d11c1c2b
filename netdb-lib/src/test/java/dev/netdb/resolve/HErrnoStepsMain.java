package dev.netdb.resolve;

import dev.netdb.NetDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@link HErrnoSteps} read from standard input (one step a line) on the OS back end, one
 * thread, printing one outcome a line: the OS half of {@link HErrnoNamespaceTest}, run inside the
 * oracle namespace.
 */
public final class HErrnoStepsMain {
  private HErrnoStepsMain() {}

  /** Runs the steps. */
  public static void main(String[] args) throws IOException {
    NetDb db = NetDb.os();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isEmpty()) {
        out.append(HErrnoSteps.run(db, line)).append('\n');
      }
    }
    System.out.print(out);
  }
}
