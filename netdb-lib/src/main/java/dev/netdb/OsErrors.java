package dev.netdb;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;

/**
 * Turns the JDK's socket exceptions into Python's {@code OSError}s. The JDK's socket exceptions
 * carry glibc's {@code strerror} text for the errno (its {@code Net.c} uses {@code
 * JNU_ThrowByNameWithLastError}), so the errno is recovered from that text; text that is not a
 * known {@code strerror} becomes an {@code OSError} without an errno.
 */
final class OsErrors {
  // glibc 2.36 strerror for the errnos socket(), bind(), connect() and listen() give (os.strerror)
  private static final Map<String, Integer> ERRNO_BY_TEXT = Map.ofEntries(
      Map.entry("Operation not permitted", 1),
      Map.entry("No such file or directory", 2),
      Map.entry("Interrupted system call", 4),
      Map.entry("Bad file descriptor", 9),
      Map.entry("Resource temporarily unavailable", 11),
      Map.entry("Permission denied", 13),
      Map.entry("Not a directory", 20),
      Map.entry("Invalid argument", 22),
      Map.entry("Too many open files", 24),
      Map.entry("Protocol error", 71),
      Map.entry("Protocol not supported", 93),
      Map.entry("Operation not supported", 95),
      Map.entry("Address family not supported by protocol", 97),
      Map.entry("Address already in use", 98),
      Map.entry("Cannot assign requested address", 99),
      Map.entry("Network is down", 100),
      Map.entry("Network is unreachable", 101),
      Map.entry("Software caused connection abort", 103),
      Map.entry("Connection reset by peer", 104),
      Map.entry("No buffer space available", 105),
      Map.entry("Connection timed out", 110),
      Map.entry("Connection refused", 111),
      Map.entry("Host is down", 112),
      Map.entry("No route to host", 113),
      Map.entry("Operation now in progress", 115));

  /** {@code EINPROGRESS}: a non-blocking connect that did not complete at once. */
  static final int EINPROGRESS = 115;
  /** {@code EAFNOSUPPORT}. */
  static final int EAFNOSUPPORT = 97;

  private OsErrors() {}

  /** Returns Python's {@code OSError} for a JDK socket exception about {@code input}. */
  static SystemException of(IOException e, String input) {
    if (e instanceof ClosedChannelException) {
      return new SystemException(9, "Bad file descriptor", input);
    }
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    if (text.equals("Unix domain path too long")) {
      return new SystemException("AF_UNIX path too long", input);
    }
    Integer errno = ERRNO_BY_TEXT.get(text);
    return errno == null
        ? new SystemException(text, input)
        : new SystemException(errno, text, input);
  }

  /** Returns {@code [Errno 115] Operation now in progress} ({@code BlockingIOError}). */
  static SystemException inProgress(String input) {
    return new SystemException(EINPROGRESS, "Operation now in progress", input);
  }

  /** Returns {@code [Errno 97] Address family not supported by protocol}. */
  static SystemException familyNotSupported(String input) {
    return new SystemException(EAFNOSUPPORT, "Address family not supported by protocol", input);
  }

  /** Returns the {@code OSError} subclass that Python's constructor picks for an errno (PEP 3151). */
  static String pythonClass(Integer errno) {
    if (errno == null) {
      return "OSError";
    }
    return switch (errno) {
      case 1, 13 -> "PermissionError";
      case 2 -> "FileNotFoundError";
      case 4 -> "InterruptedError";
      case 3 -> "ProcessLookupError";
      case 10 -> "ChildProcessError";
      case 11, 114, 115 -> "BlockingIOError";
      case 17 -> "FileExistsError";
      case 20 -> "NotADirectoryError";
      case 21 -> "IsADirectoryError";
      case 32, 108 -> "BrokenPipeError";
      case 103 -> "ConnectionAbortedError";
      case 104 -> "ConnectionResetError";
      case 110 -> "TimeoutError";
      case 111 -> "ConnectionRefusedError";
      default -> "OSError";
    };
  }
}
