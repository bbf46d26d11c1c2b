package dev.netdb;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures Happy Eyeballs version 2 (RFC 8305) for {@link NetDb#createConnectionAsync}: AAAA and
 * A are asked in parallel, attempts are staggered and interleaved by family, and the first
 * connection to complete wins. asyncio's {@code happy_eyeballs_delay} and {@code interleave} are
 * the model; {@link #defaults()} gives the RFC's recommended values.
 *
 * @param attemptDelay the "Connection Attempt Delay" of RFC 8305 §5 (asyncio's {@code
 *     happy_eyeballs_delay}): how long an attempt runs before the next one starts; clamped to 100
 *     ms..2 s as §5 recommends, where asyncio does not clamp
 * @param resolutionDelay the "Resolution Delay" of RFC 8305 §3: how long an A answer waits for a
 *     late AAAA answer before attempts begin (50 ms recommended); zero or more
 * @param firstAddressFamilyCount the "First Address Family Count" of RFC 8305 §4 (asyncio's {@code
 *     interleave}): how many addresses of the first family are tried before the families
 *     alternate; at least 1
 */
public record HappyEyeballsOptions(
    Duration attemptDelay, Duration resolutionDelay, int firstAddressFamilyCount) {
  /** The lower bound of the attempt delay, RFC 8305 §5 ("at least 100 milliseconds"). */
  public static final Duration MIN_ATTEMPT_DELAY = Duration.ofMillis(100);
  /** The upper bound of the attempt delay, RFC 8305 §5 ("no more than 2 seconds"). */
  public static final Duration MAX_ATTEMPT_DELAY = Duration.ofSeconds(2);

  /** Creates the options, clamping the attempt delay and checking the others. */
  public HappyEyeballsOptions {
    Objects.requireNonNull(attemptDelay, "attemptDelay");
    Objects.requireNonNull(resolutionDelay, "resolutionDelay");
    if (attemptDelay.compareTo(MIN_ATTEMPT_DELAY) < 0) {
      attemptDelay = MIN_ATTEMPT_DELAY;
    } else if (attemptDelay.compareTo(MAX_ATTEMPT_DELAY) > 0) {
      attemptDelay = MAX_ATTEMPT_DELAY;
    }
    if (resolutionDelay.isNegative()) {
      throw new IllegalArgumentException("negative resolution delay: " + resolutionDelay);
    }
    if (firstAddressFamilyCount < 1) {
      throw new IllegalArgumentException(
          "firstAddressFamilyCount must be at least 1: " + firstAddressFamilyCount);
    }
  }

  /**
   * Returns RFC 8305's recommended values: 250 ms attempt delay, 50 ms resolution delay, 1.
   *
   * @return the RFC 8305 defaults: 250 ms attempt delay, 50 ms resolution delay, interleave 1
   */
  public static HappyEyeballsOptions defaults() {
    return new HappyEyeballsOptions(Duration.ofMillis(250), Duration.ofMillis(50), 1);
  }

  /**
   * Returns a copy with another attempt delay (clamped).
   *
   * @param delay the attempt delay, clamped to 100 ms..2 s
   * @return a copy with the change
   */
  public HappyEyeballsOptions withAttemptDelay(Duration delay) {
    return new HappyEyeballsOptions(delay, resolutionDelay, firstAddressFamilyCount);
  }

  /**
   * Returns a copy with another first-address-family count.
   *
   * @param count the first-address-family count, at least 1
   * @return a copy with the change
   */
  public HappyEyeballsOptions withFirstAddressFamilyCount(int count) {
    return new HappyEyeballsOptions(attemptDelay, resolutionDelay, count);
  }
}
