package dev.netdb;

/** Signals an {@code OSError}, with an {@code errno} or none. */
public final class SystemException extends NetDbException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with Python's code (or null), Python's exact message and the input (or null). */
  public SystemException(Integer code, String pythonMessage, String input) {
    super(code, pythonMessage, input);
  }

  /** Creates the error without a code. */
  public SystemException(String pythonMessage, String input) {
    super(null, pythonMessage, input);
  }

  @Override
  public PythonErrorKind kind() {
    return PythonErrorKind.OSERROR;
  }
}
