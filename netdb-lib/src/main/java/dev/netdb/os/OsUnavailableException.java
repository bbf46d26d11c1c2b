package dev.netdb.os;

/**
 * Thrown where the OS back end cannot run here (the platform, native access or glibc), with the
 * reason and how to enable it. It stays below the API: the API edge turns it into the public
 * {@code dev.netdb.OsBackendUnavailableException} with the same message and cause.
 */
public final class OsUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the back end cannot run and what to do
   * @param cause what failed in the check, or null
   */
  public OsUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
