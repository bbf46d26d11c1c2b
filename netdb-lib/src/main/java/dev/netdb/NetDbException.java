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
  /** Python's exact message. */
  private final String pythonMessage;
  /** The input that failed, or null. */
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

  /** {@return Python's exception kind} */
  public abstract PythonErrorKind kind();

  /** {@return Python's code ({@code exc.errno}), or empty where Python's exception has none} */
  public OptionalInt code() {
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** {@return Python's message exactly: {@code exc.strerror}, or {@code args[0]} without a code} */
  public String pythonMessage() {
    return pythonMessage;
  }

  /** {@return the input that the failing call was given, or null} */
  public String input() {
    return input;
  }

  /**
   * {@return what Python's {@code str(exc)} prints, such as {@code [Errno -2] Name or service not known}}
   */
  public String pythonStr() {
    return code == null ? pythonMessage : "[Errno " + code + "] " + pythonMessage;
  }

  /**
   * Returns this failure as the JDK's {@link java.net.UnknownHostException}, as a Java caller of
   * a name lookup expects it: the message names the input, gives Python's message and says why in
   * DNS terms, such as {@code "nosuch.example.test: Name or service not known (no such name:
   * NXDOMAIN, or not in the hosts file)"}; this exception is its cause.
   *
   * @return the JDK's exception for this failure
   */
  public java.net.UnknownHostException toUnknownHostException() {
    String why = this instanceof GaiException ? switch (code == null ? 0 : code) {
      case -2 -> "no such name: NXDOMAIN, or not in the hosts file";
      case -5 -> "the name has no address records: NODATA";
      case -3 -> "every nameserver failed or timed out: SERVFAIL or no answer";
      case -4 -> "a nameserver refused the query or answered badly";
      case -9 -> "no address of the family asked for";
      default -> null;
    } : null;
    String message = (input == null ? "" : input + ": ") + pythonMessage + (why == null ? "" : " (" + why + ")");
    java.net.UnknownHostException u = new java.net.UnknownHostException(message);
    u.initCause(this);
    return u;
  }
}
