package dev.netdb.cli;

import dev.netdb.NetDbException;
import java.util.List;

/** Describes how one call ended: with Python's return value or with Python's exception. */
sealed interface Outcome {
  /**
   * Returns the outcome of a call that threw {@code t}: Python's exception for a {@link PyError} or
   * a {@link NetDbException}; for anything else (a library defect, or an {@link Error} such as
   * {@code OutOfMemoryError}) an {@code InternalError} that names it, so that a batch goes on.
   * A {@link UsageException} is not a call's outcome and is thrown again.
   */
  static Outcome failure(List<PyValue> args, Throwable t) {
    return switch (t) {
      case PyError e -> new Raised(args, e);
      case NetDbException e -> new Raised(args, PyError.of(e));
      case UsageException e -> throw e;
      default -> new Raised(args, new PyError("InternalError", null, t.toString()));
    };
  }

  /** Returns the call's arguments as given (before conversions), as {@code "call"} echoes them. */
  List<PyValue> args();

  /** A call that returned a value. */
  record Returned(List<PyValue> args, PyValue value) implements Outcome {}

  /** A call that raised an exception. */
  record Raised(List<PyValue> args, PyError error) implements Outcome {}

  /**
   * A batch line that could not become a call: not a JSON array, nested too deep, too long, or not
   * UTF-8. {@code line} counts input lines from 1; {@code type} is the Python exception that names
   * the fault ({@code ValueError}, or {@code UnicodeDecodeError} as CPython's decoder raises it) and
   * {@code reason} its message, without the line number.
   */
  record Malformed(long line, String type, String reason) implements Outcome {
    /** The reason of a line that is not one JSON array. */
    static final String NOT_AN_ARRAY = "not a JSON array of arguments";

    /** Returns the outcome of a line that is not one JSON array. */
    static Malformed notAnArray(long line) {
      return new Malformed(line, "ValueError", NOT_AN_ARRAY);
    }

    /** Returns the message as printed: the line number, then the reason. */
    String message() {
      return "line " + line + ": " + reason;
    }

    @Override
    public List<PyValue> args() {
      return null;
    }
  }
}
