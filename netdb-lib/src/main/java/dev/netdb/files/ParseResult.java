package dev.netdb.files;

import java.util.List;

/**
 * The outcome of parsing one services or protocols file: the entries in file order and the lines
 * that were skipped.
 *
 * @param entries the entries glibc would return, in file order
 * @param diagnostics one per skipped line (blank and comment lines are not reported)
 * @param dataLines the number of lines that were neither blank nor comments; always equals
 *     {@code entries.size() + diagnostics.size()}
 * @param <T> {@link Servent} or {@link Protoent}
 */
public record ParseResult<T>(List<T> entries, List<Diagnostic> diagnostics, int dataLines) {
  /** Creates a result; the lists are copied and become immutable. */
  public ParseResult {
    entries = List.copyOf(entries);
    diagnostics = List.copyOf(diagnostics);
    if (dataLines != entries.size() + diagnostics.size()) {
      throw new IllegalArgumentException("dataLines must equal entries + diagnostics");
    }
  }
}
