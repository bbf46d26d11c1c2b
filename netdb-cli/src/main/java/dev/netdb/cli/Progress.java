package dev.netdb.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * A progress line on standard error for long batches: calls done and calls per second, redrawn at
 * most four times a second. It draws only when standard error is a terminal (the launcher says so
 * in {@code NETDB_STDERR_TTY}, which Java cannot find out by itself), so logs and pipes stay clean.
 */
final class Progress {
  private static final long REDRAW_NANOS = 250_000_000L;

  private final Writer err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long done;
  private long lastDraw;
  private boolean drawn;

  Progress(Writer err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
    this.lastDraw = start;
  }

  /** Returns a progress line that draws when the launcher reported a terminal on standard error. */
  static Progress forStderr(Writer err) {
    return new Progress(err, "1".equals(System.getenv("NETDB_STDERR_TTY")));
  }

  /** Counts one finished call and redraws when it is time. */
  void done() throws IOException {
    done++;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      double seconds = (now - start) / 1e9;
      err.write(String.format("\r%,d calls, %,.0f/s ", done, done / seconds));
      err.flush();
      drawn = true;
    }
  }

  /** Clears the progress line, if one was drawn. */
  void finish() throws IOException {
    if (drawn) {
      err.write("\r\033[K");
      err.flush();
    }
  }
}
