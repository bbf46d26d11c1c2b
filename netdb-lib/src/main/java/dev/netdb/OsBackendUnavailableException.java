package dev.netdb;

/**
 * Signals that the OS back end cannot run in this JVM: the platform is not Linux on x86_64 or
 * aarch64 with glibc, or native access is not enabled for netdb. The message says which, and how
 * to enable native access where that is the cause.
 */
public final class OsBackendUnavailableException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing and how to enable it
   * @param cause the underlying failure, or null
   */
  public OsBackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
