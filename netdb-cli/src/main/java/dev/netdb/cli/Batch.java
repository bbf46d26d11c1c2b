package dev.netdb.cli;

import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs a batch: the calls that standard input lists after a lone {@code -}, one per line, with the
 * results written in input order. Three forms share the machinery: {@code --json} (one JSON array
 * of arguments per line, one JSON object per call), text (one argument per line for a
 * one-argument command, each printed as the same call given on the command line prints it), and
 * getent's host databases (one key per line).
 *
 * <p>Lookups on a back end chosen with {@code --backend java} run concurrently: the line's call is
 * started through the back end's non-blocking {@code *Async} method and the main thread goes on
 * reading, so up to {@link #WINDOW} calls are in flight with no thread of their own; the main
 * thread waits only when the window is full, for a run of the oldest calls ({@link #REFILL}).
 * (getent's databases and the 2-tuple {@code getnameinfo} have no asynchronous form in {@link
 * NetDb}; they run the blocking call on a virtual thread each.) Every other batch runs one call at
 * a time on the main thread: glibc's calls block, so overlapping them would need a thread each.
 * Memory stays bounded by the window, in calls and in bytes of input, however long the input is.
 *
 * <p>Every call is started from the main thread, in input order, so the library's per-thread
 * {@code h_errno} (whose leftover is the code of {@code gethostbyname_ex}'s and {@code
 * gethostbyaddr}'s {@code herror}, as in CPython) sees the calls in that order and gives the
 * answers of one Python thread running the lines one after another, on both back ends: the
 * asynchronous calls still run concurrently, and only such an {@code herror} waits for the calls
 * before it. (The 2-tuple {@code getnameinfo}'s virtual threads each start from 0; {@code
 * getnameinfo} never reports the leftover.)
 *
 * <p>At the end of a batch whose back end is the java one, {@link BatchSummary}'s line goes to
 * standard error.
 */
final class Batch {
  /** Calls in flight at most; also the number of results held back for ordering. */
  static final int WINDOW = 256;

  /** Calls a full window waits for before it writes and refills (see {@link #awaitRefill}). */
  static final int REFILL = 32;

  /** Bytes of input lines held in the window at most (large lines shrink the window). */
  static final long WINDOW_BYTES = 16L << 20;

  /** The commands whose calls may wait on the network, and so gain from running concurrently. */
  private static final Set<String> LOOKUPS =
      Set.of("gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn", "getaddrinfo",
          "getnameinfo");

  /** The commands that take one argument per line without {@code --json}. */
  static final Set<String> ONE_ARGUMENT =
      Set.of("gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn");

  private Batch() {}

  /** One form of batch: how a line becomes work, and how its result is written. */
  private interface Form<T> {
    /** Reports whether a line is skipped without a call. */
    boolean skip(String text);

    /** Starts the work for one line; with {@code concurrent} false it finishes before returning. */
    CompletableFuture<T> start(BatchInput.Text line, boolean concurrent);

    /** Returns the result for a line that could not become a call. */
    T rejected(Outcome.Malformed m);

    /** Appends the result's output, counts it, and returns its exit status (0, or 2). */
    int write(T result, StringBuilder out, BatchSummary summary) throws IOException;
  }

  /** Reports whether lookups of a command run concurrently: on a back end chosen as java. */
  static boolean concurrent(Session session, String command) {
    return LOOKUPS.contains(command) && "java".equals(session.options().backend());
  }

  /** Runs a {@code --json} batch of {@code command}. */
  static int json(BatchInput in, Writer out, Writer err, Session session, Command command,
      Progress progress) throws IOException {
    Form<Outcome> form = new CallForm(session, command) {
      @Override
      public boolean skip(String text) {
        return text.isBlank(); // tools/oracle.py skips what line.strip() empties
      }

      @Override
      List<PyValue> arguments(BatchInput.Text line) throws Rejection {
        try {
          List<PyValue> args = JsonReader.readArguments(line.text(), session.options().maxDepth());
          if (args == null) {
            throw new Rejection(Outcome.Malformed.notAnArray(line.number()));
          }
          return args;
        } catch (JsonReader.TooDeep e) {
          throw new Rejection(new Outcome.Malformed(line.number(), "ValueError",
              "nested deeper than " + session.options().maxDepth() + " (--max-depth)"));
        } catch (OutOfMemoryError e) {
          // Only with limits raised past the heap; what the line took is garbage again here.
          throw new Rejection(new Outcome.Malformed(line.number(), "MemoryError",
              "out of memory decoding the line (lower --max-line-bytes or --max-depth)"));
        }
      }

      @Override
      public int write(Outcome o, StringBuilder out, BatchSummary summary) {
        summary.count(o);
        JsonRenderer.render(out, o);
        return o instanceof Outcome.Returned ? 0 : 2;
      }
    };
    return run(in, out, err, session, form, concurrent(session, command.name()), progress);
  }

  /** Runs a text batch of a one-argument command: each line is the argument of one call. */
  static int text(BatchInput in, Writer out, Writer err, Session session, Command command,
      Progress progress) throws IOException {
    Form<Outcome> form = new CallForm(session, command) {
      @Override
      public boolean skip(String text) {
        return text.isEmpty();
      }

      @Override
      List<PyValue> arguments(BatchInput.Text line) {
        return List.of(new PyValue.PyStr(line.text()));
      }

      @Override
      public int write(Outcome o, StringBuilder out, BatchSummary summary) {
        summary.count(o);
        if (o instanceof Outcome.Malformed m) {
          out.append("ERROR: ").append(m.message()).append('\n');
        } else {
          // Exactly what `netdb COMMAND ARG` prints: one call, so the label is its own width.
          String label = command.label(o.args());
          TextRenderer.render(out, command.layout(), label, label.length(), o);
        }
        return o instanceof Outcome.Returned ? 0 : 2;
      }
    };
    return run(in, out, err, session, form, concurrent(session, command.name()), progress);
  }

  /** Runs a batch of getent host-database keys, one per line, with getent's output. */
  static int getent(BatchInput in, Writer out, Writer err, Session session, GetentHostDatabase db,
      Progress progress) throws IOException {
    record Key(String text, NetDbException failure, String problem) {}
    Form<Key> form = new Form<>() {
      @Override
      public boolean skip(String text) {
        return text.isEmpty();
      }

      @Override
      public CompletableFuture<Key> start(BatchInput.Text line, boolean concurrent) {
        Supplier<Key> lookup = () -> {
          StringBuilder sb = new StringBuilder();
          NetDbException failure = db.lookupKey(session, line.text(), sb);
          return new Key(sb.toString(), failure, null);
        };
        CompletableFuture<Key> f = concurrent
            ? onVirtualThread(lookup) : CompletableFuture.completedFuture(lookup.get());
        return f.exceptionally(t -> new Key("", null,
            "line " + line.number() + ": " + unwrap(t)));
      }

      @Override
      public Key rejected(Outcome.Malformed m) {
        return new Key("", null, m.message());
      }

      @Override
      public int write(Key k, StringBuilder out, BatchSummary summary) throws IOException {
        if (k.problem() != null) {
          summary.countMalformed();
          err.write("netdb: " + db.name() + ": " + k.problem() + "\n");
          return 2;
        }
        summary.count(k.failure());
        out.append(k.text());
        return k.failure() == null ? 0 : 2;
      }
    };
    boolean concurrent = "java".equals(session.options().backend());
    return run(in, out, err, session, form, concurrent, progress);
  }

  /** The JSON and text forms: a line becomes the arguments of one call of a command. */
  private abstract static class CallForm implements Form<Outcome> {
    final Session session;
    final Command command;

    CallForm(Session session, Command command) {
      this.session = session;
      this.command = command;
    }

    /** Returns the call's arguments, or throws the line's rejection. */
    abstract List<PyValue> arguments(BatchInput.Text line) throws Rejection;

    @Override
    public CompletableFuture<Outcome> start(BatchInput.Text line, boolean concurrent) {
      List<PyValue> args;
      try {
        args = arguments(line);
      } catch (Rejection r) {
        return CompletableFuture.completedFuture(r.malformed);
      }
      return concurrent
          ? invokeAsync(session, command, args)
          : CompletableFuture.completedFuture(Cli.invoke(session, command, args));
    }

    @Override
    public Outcome rejected(Outcome.Malformed m) {
      return m;
    }
  }

  /** Signals a line that is no call; no stack trace. */
  private static final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Outcome.Malformed malformed;

    Rejection(Outcome.Malformed malformed) {
      super(null, null, false, false);
      this.malformed = malformed;
    }
  }

  /**
   * Starts one call through the command's {@link Command#callAsync}: argument errors give their
   * outcome at once, lookups complete it later. Never throws but for a usage error.
   */
  static CompletableFuture<Outcome> invokeAsync(
      Session session, Command command, List<PyValue> args) {
    CompletableFuture<PyValue> f;
    try {
      f = command.callAsync(session, Conversions.apply(command.name(), args));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return CompletableFuture.completedFuture(Outcome.failure(args, e));
    }
    return f.handle(new Finish(args));
  }

  /**
   * Turns a started call's value or failure into its outcome. A class rather than a lambda: a
   * capturing lambda is created through its call site's method handle, which showed in a batch's
   * profile (the launcher's C1-only JIT does not inline it), at one per call.
   */
  private record Finish(List<PyValue> args) implements BiFunction<PyValue, Throwable, Outcome> {
    @Override
    public Outcome apply(PyValue v, Throwable t) {
      return t == null ? new Outcome.Returned(args, v) : Outcome.failure(args, unwrap(t));
    }
  }

  /** Runs a blocking call on a new virtual thread; the future completes with its outcome. */
  static <T> CompletableFuture<T> onVirtualThread(Supplier<T> call) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread.ofVirtual().name("netdb-batch").start(() -> {
      try {
        f.complete(call.get());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** A started line and the input bytes it holds in the window. */
  private record Pending<T>(CompletableFuture<T> result, long bytes) {}

  private static <T> int run(BatchInput in, Writer out, Writer err, Session session, Form<T> form,
      boolean concurrent, Progress progress) throws IOException {
    if (concurrent) {
      session.netDb(); // created here, once, before any call shares it
    }
    int window = concurrent ? WINDOW : 1;
    BatchSummary summary = new BatchSummary(System.nanoTime());
    int status = 0;
    ArrayDeque<Pending<T>> pending = new ArrayDeque<>(WINDOW);
    long pendingBytes = 0;
    Output output = new Output(out);
    try {
      BatchInput.Line line;
      while ((line = in.next()) != null) {
        CompletableFuture<T> f;
        switch (line) {
          case BatchInput.Text t -> {
            if (form.skip(t.text())) {
              continue;
            }
            f = form.start(t, concurrent);
          }
          case BatchInput.Rejected r -> f = CompletableFuture.completedFuture(
              form.rejected(r.outcome()));
        }
        pending.add(new Pending<>(f, line.bytes()));
        pendingBytes += line.bytes();
        if (pending.size() >= window && !pending.peek().result().isDone()) {
          awaitRefill(pending);
        }
        // Write every finished result at the head; wait for the head only when the window is full.
        while (!pending.isEmpty() && (pending.size() >= window || pendingBytes >= WINDOW_BYTES
            || pending.peek().result().isDone())) {
          Pending<T> p = pending.poll();
          pendingBytes -= p.bytes();
          status |= write(form, await(p.result()), output, summary, progress);
        }
        if (!in.ready()) {
          // Nothing more to read right now: answer what was asked before waiting for more input.
          while (!pending.isEmpty()) {
            status |= write(form, await(pending.poll().result()), output, summary, progress);
          }
          pendingBytes = 0;
          output.flush();
        }
      }
      while (!pending.isEmpty()) {
        status |= write(form, await(pending.poll().result()), output, summary, progress);
      }
      output.flush();
    } finally {
      output.drain(); // the results before a usage error are output, as Cli flushes after one
      progress.finish();
    }
    NetDb netDb = session.created();
    if (netDb != null && "java".equals(netDb.backendName())) {
      err.write(summary.line(System.nanoTime()));
      err.flush();
    }
    return status;
  }

  /**
   * Waits, with the window full, until the {@link #REFILL}th call in it is done (or the last, in a
   * smaller window). Waiting for the head alone, a main thread quicker than the lookups would wake
   * for one result, write it, start one line and wait again: a park and an unpark, two context
   * switches, per call. Calls finish roughly in input order, so when this one is done most before
   * it are too, and the main thread writes and starts them a run at a time. A failure is not
   * reported here; the line's write reports it.
   */
  private static <T> void awaitRefill(ArrayDeque<Pending<T>> pending) {
    Pending<T> target = null;
    int i = 0;
    for (Pending<T> p : pending) {
      target = p;
      if (++i == REFILL) {
        break;
      }
    }
    try {
      target.result().join();
    } catch (CompletionException | CancellationException e) {
      // seen again when the line is written
    }
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a usage error, the only failure a started line may end in
      }
      throw e;
    }
  }

  private static <T> int write(Form<T> form, T result, Output output, BatchSummary summary,
      Progress progress) throws IOException {
    int status = form.write(result, output.text, summary);
    output.written();
    progress.done();
    return status;
  }

  /**
   * The results' text on its way to standard output: collected in chunks of {@link #CHUNK}
   * chars and handed to the writer a chunk at a time, as chars. Handing each line over on its own
   * cost a {@code String} copy and a locked {@code BufferedWriter} call per line, at a few hundred
   * thousand lines a second. Nothing is held back longer than the writer's own buffer holds it:
   * every flush of the batch drains the chunk first.
   */
  private static final class Output {
    /** The chars collected before they go to the writer. */
    static final int CHUNK = 8192;

    final StringBuilder text = new StringBuilder(CHUNK + 256);
    private final Writer out;
    private final char[] chars = new char[CHUNK + 256];

    Output(Writer out) {
      this.out = out;
    }

    /** Hands the text over once a chunk is full; called after each result's text. */
    void written() throws IOException {
      if (text.length() >= CHUNK) {
        drain();
      }
    }

    /** Hands all the text collected so far to the writer. */
    void drain() throws IOException {
      int n = text.length();
      if (n == 0) {
        return;
      }
      if (n <= chars.length) {
        text.getChars(0, n, chars, 0);
        out.write(chars, 0, n);
      } else {
        out.append(text); // a result longer than a chunk: no buffer kept at its size
      }
      text.setLength(0);
    }

    /** Drains the text and flushes the writer. */
    void flush() throws IOException {
      drain();
      out.flush();
    }
  }
}
