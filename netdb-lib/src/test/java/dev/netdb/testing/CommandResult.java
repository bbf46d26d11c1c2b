package dev.netdb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one command: its standard output and error (decoded as UTF-8) and its exit
 * status.
 */
public record CommandResult(String stdout, String stderr, int exit) {
  /** Checks that neither output is null. */
  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Returns standard output split into lines, without line terminators. */
  public List<String> lines() {
    return stdout.lines().toList();
  }

  /** Returns a short description for assertion messages. */
  public String describe() {
    return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }

  /**
   * Runs {@code command} directly (no namespace) with {@code stdin} (or none when null), and
   * returns its result; kills it (by its own PID) if it outlives {@code timeout}.
   */
  public static CommandResult run(List<String> command, String stdin, Duration timeout)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out after " + timeout.toSeconds() + " s: " + command);
      }
      return new CommandResult(out.join(), err.join(), process.exitValue());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }

  /** Reads a stream to its end on its own virtual thread (a shared pool could deadlock). */
  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try (stream) {
        result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        result.complete("<read error: " + e.getMessage() + ">");
      }
    });
    return result;
  }
}
