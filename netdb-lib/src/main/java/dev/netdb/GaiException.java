package dev.netdb;

/** Signals a {@code getaddrinfo} or {@code getnameinfo} failure ({@code socket.gaierror}); the code is the negative EAI number. */
public final class GaiException extends NetDbException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with Python's code (or null), Python's exact message and the input (or null). */
  public GaiException(Integer code, String pythonMessage, String input) {
    super(code, pythonMessage, input);
  }

  /** Creates the error without a code. */
  public GaiException(String pythonMessage, String input) {
    super(null, pythonMessage, input);
  }

  @Override
  public PythonErrorKind kind() {
    return PythonErrorKind.GAIERROR;
  }
}
