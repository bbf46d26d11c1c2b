package dev.netdb;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failure that Python's {@code socket} module would raise as an exception.
 *
 * <p>The subclass tells Python's kind ({@link #kind()}); {@link #code()} is Python's code (an EAI
 * number, an {@code h_errno} or an {@code errno}, empty where Python has none) and {@link
 * #pythonMessage()} is Python's exact message. {@link #getMessage()} adds the input that failed.
 */
public abstract sealed class NetDbException extends RuntimeException
    permits GaiException,
        HostException,
        SystemException,
        InvalidValueException,
        OverflowException,
        IdnaException,
        ArgumentTypeException,
        ExceptionGroupException {
  private static final long serialVersionUID = 1L;

  private final transient Integer code;
  private final String pythonMessage;
  private final String input;

  NetDbException(Integer code, String pythonMessage, String input) {
    super(describe(pythonMessage, input), null, false, false);
    this.code = code;
    this.pythonMessage = Objects.requireNonNull(pythonMessage);
    this.input = input;
  }

  private static String describe(String message, String input) {
    return input == null ? message : message + " (" + input + ")";
  }

  /** Returns Python's exception kind. */
  public abstract PythonErrorKind kind();

  /** Returns Python's code ({@code exc.errno}), or empty where Python's exception has none. */
  public OptionalInt code() {
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** Returns Python's message exactly: {@code exc.strerror}, or {@code args[0]} without a code. */
  public String pythonMessage() {
    return pythonMessage;
  }

  /** Returns the input that the failing call was given, or null. */
  public String input() {
    return input;
  }

  /** Returns what Python's {@code str(exc)} prints, such as {@code [Errno -2] Name or service not known}. */
  public String pythonStr() {
    return code == null ? pythonMessage : "[Errno " + code + "] " + pythonMessage;
  }
}
