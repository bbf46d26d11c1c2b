package dev.netdb.files;

import java.util.Objects;

/**
 * A line of a services or protocols file that glibc's {@code nss_files} skips, with the reason.
 *
 * @param lineNumber the 1-based line number in the file
 * @param text the line as read, without its newline (bytes that are not UTF-8 appear as U+FFFD)
 * @param reason why the line is skipped, in a few words
 */
public record Diagnostic(int lineNumber, String text, String reason) {
  /** Creates a diagnostic; the line number must be positive. */
  public Diagnostic {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    if (lineNumber < 1) {
      throw new IllegalArgumentException("line number must be positive: " + lineNumber);
    }
  }

  @Override
  public String toString() {
    return "line " + lineNumber + ": " + reason + ": " + text;
  }
}
