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
 * Runs batch mode: one JSON array of arguments per input line, one JSON object per call, in input
 * order. Lookups on the pure-Java back end run concurrently, at most {@link #WINDOW} in flight,
 * each on a virtual thread that waits on the back end's non-blocking resolver (so a window of
 * calls costs no platform thread each); every other batch runs one call at a time on the caller's
 * thread (glibc's calls block a carrier thread, so virtual threads would gain nothing there).
 * Memory stays bounded by the window however long the input is.
 */
final class Batch {
  /** Calls in flight at most; also the number of results held back for ordering. */
  static final int WINDOW = 256;

  /** The commands whose calls may wait on the network, and so gain from running concurrently. */
  private static final Set<String> LOOKUPS =
      Set.of("gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn", "getaddrinfo",
          "getnameinfo");

  private Batch() {}

  /**
   * Reports whether a batch of this command runs concurrently: lookups on a back end chosen with
   * {@code --backend java}. (The default back end is decided only when a call first needs one, so
   * a batch of argument errors never creates it.)
   */
  static boolean concurrent(Session session, Command command) {
    return LOOKUPS.contains(command.name()) && "java".equals(session.options().backend());
  }

  /** Reads calls until end of input, runs them, and writes the results in input order. */
  static int run(BufferedReader in, Writer out, Session session, Command command, Progress progress)
      throws IOException {
    boolean concurrent = concurrent(session, command);
    if (concurrent) {
      session.netDb(); // created here, once, before any worker shares it
    }
    int window = concurrent ? WINDOW : 1;
    int status = 0;
    ArrayDeque<CompletableFuture<Outcome>> pending = new ArrayDeque<>(WINDOW);
    StringBuilder sb = new StringBuilder(256);
    try (ExecutorService workers =
        concurrent ? Executors.newVirtualThreadPerTaskExecutor() : new DirectExecutor()) {
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
        while (!pending.isEmpty() && (pending.size() >= window || pending.peek().isDone())) {
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

  /** Runs each task on the calling thread, for batches that run one call at a time. */
  private static final class DirectExecutor extends java.util.concurrent.AbstractExecutorService {
    private boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
      return true;
    }
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
