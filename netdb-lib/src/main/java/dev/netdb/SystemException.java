package dev.netdb;

/** Signals an {@code OSError}, with an {@code errno} or none. */
public final class SystemException extends NetDbException {
  private static final long serialVersionUID = 1L;

  private final String pythonClass;

  /** Creates the error with Python's code (or null), Python's exact message and the input (or null). */
  public SystemException(Integer code, String pythonMessage, String input) {
    this(code, pythonMessage, input, null);
  }

  /** Creates the error without a code. */
  public SystemException(String pythonMessage, String input) {
    this(null, pythonMessage, input, null);
  }

  private SystemException(Integer code, String pythonMessage, String input, String pythonClass) {
    super(code, pythonMessage, input);
    this.pythonClass = pythonClass != null ? pythonClass : OsErrors.pythonClass(code);
  }

  /**
   * Returns Python's {@code TimeoutError('timed out')}, which a socket with a timeout raises when
   * {@code connect} runs out of time (it has no errno).
   */
  public static SystemException timedOut(String input) {
    return new SystemException(null, "timed out", input, "TimeoutError");
  }

  @Override
  public PythonErrorKind kind() {
    return PythonErrorKind.OSERROR;
  }

  /**
   * Returns the class Python raises: the {@code OSError} subclass its constructor picks for the
   * errno (PEP 3151: {@code ConnectionRefusedError} for {@code ECONNREFUSED}, {@code
   * FileNotFoundError} for {@code ENOENT}, ...), or {@code OSError}.
   */
  public String pythonClass() {
    return pythonClass;
  }
}
