package dev.netdb;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Describes one connection attempt of {@link NetDb#createConnectionAsync}, reported to {@link
 * ConnectOptions#onAttempt()} when the attempt ends.
 *
 * @param address the destination ({@code InetSocketAddress} or {@code UnixDomainSocketAddress})
 * @param start when the attempt began, counted from the call
 * @param elapsed how long the attempt ran
 * @param outcome how it ended
 * @param error Python's exception for a failed attempt, otherwise null
 */
public record ConnectAttempt(
    SocketAddress address, Duration start, Duration elapsed, Outcome outcome,
    NetDbException error) {

  /** How an attempt ended. */
  public enum Outcome {
    /** The attempt connected and its socket was returned. */
    CONNECTED,
    /** The attempt failed with {@link #error()}. */
    FAILED,
    /** Another attempt won, or the caller cancelled; the socket was closed. */
    CANCELLED
  }

  /** Creates the record; {@code error} is present exactly when the outcome is {@code FAILED}. */
  public ConnectAttempt {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.FAILED) != (error != null)) {
      throw new IllegalArgumentException("error must be given exactly for FAILED: " + outcome);
    }
  }
}
