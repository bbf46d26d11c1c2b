package dev.netdb;

import java.util.List;

/**
 * Signals Python's {@code ExceptionGroup}: {@code create_connection(..., all_errors=True)} raises
 * {@code ExceptionGroup("create_connection failed", exceptions)} when every attempt failed, with
 * one error per attempt, in the order the attempts ended. {@link #pythonMessage()} is {@code
 * "create_connection failed"}; {@link #pythonStr()} adds the count as Python's {@code str} does.
 */
public final class ExceptionGroupException extends NetDbException {
  private static final long serialVersionUID = 1L;

  private final transient List<NetDbException> exceptions;

  /**
   * Creates the group with Python's message, the attempts' errors and the input (or null).
   *
   * @param pythonMessage Python's exact message
   * @param exceptions the attempts' errors, in order
   * @param input the input that failed, or null
   */
  public ExceptionGroupException(String pythonMessage, List<NetDbException> exceptions,
      String input) {
    super(null, pythonMessage, input);
    this.exceptions = List.copyOf(exceptions);
    for (NetDbException e : this.exceptions) {
      addSuppressed(e);
    }
  }

  /**
   * Returns the errors of the group, one per failed attempt.
   *
   * @return the attempts' errors, in order
   */
  public List<NetDbException> exceptions() {
    return exceptions;
  }

  @Override
  public PythonErrorKind kind() {
    return PythonErrorKind.EXCEPTIONGROUP;
  }

  /** Returns Python's {@code str(group)}, such as {@code create_connection failed (2 sub-exceptions)}. */
  @Override
  public String pythonStr() {
    int n = exceptions.size();
    return pythonMessage() + " (" + n + (n == 1 ? " sub-exception)" : " sub-exceptions)");
  }
}
