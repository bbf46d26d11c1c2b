package dev.netdb;

/** Signals an {@code OSError}, with an {@code errno} or none. */
public final class SystemException extends NetDbException {
  private static final long serialVersionUID = 1L;

  /** Python's OSError subclass, or null for the one the errno gives. */
  private final String pythonClass;
  /** Whether Python shows the errno as None. */
  private final boolean noneErrno;

  /**
   * Creates the error with Python's code (or null), Python's exact message and the input (or null).
   *
   * @param code Python's code ({@code exc.errno}), or null where Python's exception has none
   * @param pythonMessage Python's exact message
   * @param input the input that failed, or null
   */
  public SystemException(Integer code, String pythonMessage, String input) {
    this(code, pythonMessage, input, null);
  }

  /**
   * Creates the error without a code.
   *
   * @param pythonMessage Python's exact message
   * @param input the input that failed, or null
   */
  public SystemException(String pythonMessage, String input) {
    this(null, pythonMessage, input, null);
  }

  private SystemException(Integer code, String pythonMessage, String input, String pythonClass) {
    this(code, pythonMessage, input, pythonClass, false);
  }

  private SystemException(Integer code, String pythonMessage, String input, String pythonClass,
      boolean noneErrno) {
    super(code, pythonMessage, input);
    this.pythonClass = pythonClass != null ? pythonClass : OsErrors.pythonClass(code);
    this.noneErrno = noneErrno;
  }

  /**
   * Returns Python's {@code OSError(None, message)}: no errno, but two arguments, so that {@code
   * str()} prints {@code [Errno None] message} (socket.py's {@code create_server} raises it when
   * the bind error had no errno).
   *
   * @param pythonMessage Python's exact message
   * @param input the input that failed, or null
   * @return Python's OSError with errno None
   */
  public static SystemException withNoneErrno(String pythonMessage, String input) {
    return new SystemException(null, pythonMessage, input, null, true);
  }

  @Override
  public String pythonStr() {
    return noneErrno ? "[Errno None] " + pythonMessage() : super.pythonStr();
  }

  /**
   * Returns Python's {@code TimeoutError('timed out')}, which a socket with a timeout raises when
   * {@code connect} runs out of time (it has no errno).
   *
   * @param input the input that failed, or null
   * @return Python's TimeoutError('timed out')
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
   *
   * @return Python's OSError subclass name, such as ConnectionRefusedError
   */
  public String pythonClass() {
    return pythonClass;
  }
}
