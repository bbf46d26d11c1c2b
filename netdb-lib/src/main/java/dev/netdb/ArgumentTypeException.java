package dev.netdb;

/** Signals a {@code TypeError}: an argument of the wrong type. */
public final class ArgumentTypeException extends NetDbException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error with Python's code (or null), Python's exact message and the input (or null).
   *
   * @param code Python's code ({@code exc.errno}), or null where Python's exception has none
   * @param pythonMessage Python's exact message
   * @param input the input that failed, or null
   */
  public ArgumentTypeException(Integer code, String pythonMessage, String input) {
    super(code, pythonMessage, input);
  }

  /**
   * Creates the error without a code.
   *
   * @param pythonMessage Python's exact message
   * @param input the input that failed, or null
   */
  public ArgumentTypeException(String pythonMessage, String input) {
    super(null, pythonMessage, input);
  }

  @Override
  public PythonErrorKind kind() {
    return PythonErrorKind.TYPEERROR;
  }
}
