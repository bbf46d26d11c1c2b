package dev.netdb.cli;

import dev.netdb.NetDbException;

/**
 * Signals a Python exception raised by a call: its class name, its code ({@code errno}, or null
 * where Python has none) and Python's message ({@code strerror} when there is a code, else {@code
 * str(exc)}).
 */
final class PyError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final Integer code;
  private final String pyMessage;

  PyError(String type, Integer code, String message) {
    super(message, null, false, false);
    this.type = type;
    this.code = code;
    this.pyMessage = message;
  }

  /** Returns a {@code TypeError}. */
  static PyError typeError(String message) {
    return new PyError("TypeError", null, message);
  }

  /** Returns an {@code OverflowError}. */
  static PyError overflow(String message) {
    return new PyError("OverflowError", null, message);
  }

  /** Returns an {@code OSError} without an errno. */
  static PyError osError(String message) {
    return new PyError("OSError", null, message);
  }

  /** Returns a {@code ValueError}. */
  static PyError valueError(String message) {
    return new PyError("ValueError", null, message);
  }

  /** Returns the Python view of a library failure. */
  static PyError of(NetDbException e) {
    var code = e.code();
    return new PyError(
        e.kind().pythonName(), code.isPresent() ? code.getAsInt() : null, e.pythonMessage());
  }

  /** Returns Python's exception class name. */
  String type() {
    return type;
  }

  /** Returns Python's {@code errno}, or null. */
  Integer code() {
    return code;
  }

  /** Returns Python's message without the {@code [Errno N]} prefix. */
  String pyMessage() {
    return pyMessage;
  }

  /** Returns what Python's {@code str(exc)} prints. */
  String pythonStr() {
    return code == null ? pyMessage : "[Errno " + code + "] " + pyMessage;
  }
}
