package dev.netdb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A command named after one of Python's {@code socket} functions. It turns command-line words into
 * Python calls, runs a call, and says how its result is laid out as text.
 */
interface Command {
  /** Returns the command's name, which is the Python function's name. */
  String name();

  /** Returns the command's synopsis, as the command table ({@link Usage}) gives it. */
  default String synopsis() {
    Usage.Entry e = Usage.entry(name());
    return e == null ? name() : e.synopsis();
  }

  /**
   * Returns the Python argument lists of the calls that the command-line words ask for, or throws
   * {@link UsageException}. Constants and packed addresses stay text here; {@link
   * Conversions#apply} converts them as for batch lines.
   */
  List<List<PyValue>> calls(List<String> words);

  /** Runs one call, already converted, with Python's argument rules; failures throw. */
  PyValue call(Session session, List<PyValue> args);

  /**
   * Starts one call, already converted, as {@link #call} runs it: argument errors are thrown at
   * once, a lookup's outcome completes the future (on a thread of the back end's choosing, never
   * the caller's). The default runs {@link #call} on the calling thread; the commands that may
   * wait on the network override it with the back end's non-blocking {@code *Async} method.
   */
  default CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    return CompletableFuture.completedFuture(call(session, args));
  }

  /** Returns how a result is laid out as text. */
  default TextRenderer.Layout layout() {
    return TextRenderer.Layout.LINE;
  }

  /** Returns the label that text output shows for a call: its first argument, as given. */
  default String label(List<PyValue> args) {
    return args.isEmpty() ? "" : TextRenderer.str(args.get(0));
  }
}
