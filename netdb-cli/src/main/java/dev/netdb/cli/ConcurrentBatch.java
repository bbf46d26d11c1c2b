package dev.netdb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a batch of lookup calls concurrently on the pure-Java back end, at most {@link #WINDOW} in
 * flight, and writes the results in input order. Memory stays bounded by the window however long
 * the input is. Each call runs on a virtual thread that waits on the back end's non-blocking
 * resolver, so a window of calls costs no platform thread each.
 */
final class ConcurrentBatch {
  /** Calls in flight at most; also the number of results held back for ordering. */
  static final int WINDOW = 256;

  /** The commands whose calls may wait on the network, and so gain from running concurrently. */
  private static final Set<String> LOOKUPS =
      Set.of("gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn", "getaddrinfo",
          "getnameinfo");

  private ConcurrentBatch() {}

  /** Reports whether a batch of this command runs concurrently: lookups on the java back end. */
  static boolean applies(Session session, Command command) {
    return LOOKUPS.contains(command.name()) && session.netDb().backendName().equals("java");
  }

  /** Reads calls until end of input, runs them concurrently, writes results in input order. */
  static int run(BufferedReader in, Writer out, Session session, Command command, Progress progress)
      throws IOException {
    session.netDb(); // created once here, before any worker shares it
    int status = 0;
    ArrayDeque<CompletableFuture<Outcome>> pending = new ArrayDeque<>(WINDOW);
    StringBuilder sb = new StringBuilder(256);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      long lineNo = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<PyValue> args = JsonReader.readArguments(line);
        if (args == null) {
          pending.add(CompletableFuture.completedFuture(new Outcome.Malformed(lineNo)));
        } else {
          pending.add(
              CompletableFuture.supplyAsync(() -> Cli.invoke(session, command, args), workers));
        }
        // Write every finished result at the head; wait for the head only when the window is full.
        while (!pending.isEmpty() && (pending.size() >= WINDOW || pending.peek().isDone())) {
          status |= write(pending.poll().join(), out, sb, progress);
        }
        if (!in.ready()) {
          // Nothing more to read right now: answer what was asked before waiting for more input.
          while (!pending.isEmpty()) {
            status |= write(pending.poll().join(), out, sb, progress);
          }
          out.flush();
        }
      }
      while (!pending.isEmpty()) {
        status |= write(pending.poll().join(), out, sb, progress);
      }
    } finally {
      progress.finish();
    }
    return status;
  }

  private static int write(Outcome o, Writer out, StringBuilder sb, Progress progress)
      throws IOException {
    JsonRenderer.render(sb, o);
    out.append(sb);
    sb.setLength(0);
    progress.done();
    return o instanceof Outcome.Returned ? 0 : 2;
  }
}
