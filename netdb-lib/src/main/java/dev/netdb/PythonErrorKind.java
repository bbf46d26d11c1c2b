package dev.netdb;

/** The Python exception class that a {@link NetDbException} stands for. */
public enum PythonErrorKind {
  /** {@code socket.gaierror}: a {@code getaddrinfo}/{@code getnameinfo} EAI code. */
  GAIERROR("gaierror"),
  /** {@code socket.herror}: an {@code h_errno} from {@code gethostbyname_ex}/{@code gethostbyaddr}. */
  HERROR("herror"),
  /** {@code OSError}, with an errno or none. */
  OSERROR("OSError"),
  /** {@code ValueError}. */
  VALUEERROR("ValueError"),
  /** {@code OverflowError}. */
  OVERFLOWERROR("OverflowError"),
  /** {@code UnicodeError} (from the {@code idna} codec). */
  UNICODEERROR("UnicodeError"),
  /** {@code TypeError}. */
  TYPEERROR("TypeError"),
  /** {@code ExceptionGroup}: every attempt's error, from {@code create_connection(all_errors=True)}. */
  EXCEPTIONGROUP("ExceptionGroup");

  private final String pythonName;

  PythonErrorKind(String pythonName) {
    this.pythonName = pythonName;
  }

  /** {@return the Python class name, such as {@code gaierror}} */
  public String pythonName() {
    return pythonName;
  }
}
