package dev.netdb.cli;

import java.util.List;

/** Describes how one call ended: with Python's return value or with Python's exception. */
sealed interface Outcome {
  /** Returns the call's arguments as given (before conversions), as {@code "call"} echoes them. */
  List<PyValue> args();

  /** A call that returned a value. */
  record Returned(List<PyValue> args, PyValue value) implements Outcome {}

  /** A call that raised an exception. */
  record Raised(List<PyValue> args, PyError error) implements Outcome {}

  /** A batch line that was not a JSON array; {@code line} counts input lines from 1. */
  record Malformed(long line) implements Outcome {
    @Override
    public List<PyValue> args() {
      return null;
    }
  }
}
