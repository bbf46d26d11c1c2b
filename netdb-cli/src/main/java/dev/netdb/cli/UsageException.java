package dev.netdb.cli;

/** Signals a usage error: exit status 1, a one-line reason and a hint. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String reason) {
    super(reason, null, false, false);
  }
}
