package dev.netdb;

/**
 * Signals a call on a pure-Java {@link NetDb} that has been {@linkplain NetDb#close() closed}, or a
 * lookup that was still in flight when it was closed.
 *
 * <p>It is not one of Python's errors (Python's resolver cannot be closed), so it is not a {@link
 * NetDbException}: code that maps {@code gaierror}/{@code herror} to "not found" never mistakes a
 * closed resolver for a missing name.
 */
public final class NetDbClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the error, {@code "NetDb is closed"}. */
  public NetDbClosedException() {
    super("NetDb is closed");
  }
}
