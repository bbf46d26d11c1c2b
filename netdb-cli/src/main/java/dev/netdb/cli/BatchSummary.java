package dev.netdb.cli;

import dev.netdb.NetDbException;
import java.util.Locale;

/**
 * Counts how the calls of a batch ended, for the one summary line a batch on the java back end
 * writes to standard error:
 *
 * <pre>
 * netdb: batch calls=N answered=N nxdomain=N nodata=N again=N other=N malformed=N elapsed=S.SSSs rate=N/s
 * </pre>
 *
 * <p>{@code nxdomain} counts {@code EAI_NONAME} and {@code HOST_NOT_FOUND} (the name or address is
 * in neither the hosts file nor DNS); {@code nodata} counts {@code EAI_NODATA} and {@code NO_DATA}
 * (the name exists without an address of the family asked for); {@code again} counts {@code
 * EAI_AGAIN} and {@code TRY_AGAIN}, which glibc, and so Python, give both for a timeout and for
 * SERVFAIL, so the two cannot be told apart; {@code other} counts every other exception (argument
 * errors included); {@code malformed} counts lines that were no call at all. {@code calls} is the
 * sum of all of these, {@code elapsed} runs from the first line read to the last result written,
 * and {@code rate} is calls per second over it.
 */
final class BatchSummary {
  /** glibc's {@code EAI_NONAME}, {@code EAI_AGAIN} and {@code EAI_NODATA}. */
  private static final int EAI_NONAME = -2;
  private static final int EAI_AGAIN = -3;
  private static final int EAI_NODATA = -5;
  /** glibc's {@code h_errno} values {@code HOST_NOT_FOUND}, {@code TRY_AGAIN}, {@code NO_DATA}. */
  private static final int HOST_NOT_FOUND = 1;
  private static final int TRY_AGAIN = 2;
  private static final int NO_DATA = 4;

  private final long start;
  private long answered;
  private long nxdomain;
  private long nodata;
  private long again;
  private long other;
  private long malformed;

  /** Starts counting; {@code startNanos} is a {@link System#nanoTime()} reading. */
  BatchSummary(long startNanos) {
    this.start = startNanos;
  }

  /** Counts one call's outcome. */
  void count(Outcome o) {
    switch (o) {
      case Outcome.Returned r -> answered++;
      case Outcome.Malformed m -> malformed++;
      case Outcome.Raised r -> failed(r.error().type(), r.error().code());
    }
  }

  /** Counts one getent key: found when {@code failure} is null, else by its code. */
  void count(NetDbException failure) {
    if (failure == null) {
      answered++;
    } else {
      var code = failure.code();
      failed(failure.kind().pythonName(), code.isPresent() ? code.getAsInt() : null);
    }
  }

  /** Counts one line that was no call. */
  void countMalformed() {
    malformed++;
  }

  private void failed(String type, Integer code) {
    int c = code == null ? 0 : code;
    switch (type) {
      case "gaierror" -> {
        switch (c) {
          case EAI_NONAME -> nxdomain++;
          case EAI_NODATA -> nodata++;
          case EAI_AGAIN -> again++;
          default -> other++;
        }
      }
      case "herror" -> {
        switch (c) {
          case HOST_NOT_FOUND -> nxdomain++;
          case NO_DATA -> nodata++;
          case TRY_AGAIN -> again++;
          default -> other++;
        }
      }
      default -> other++;
    }
  }

  /** Returns the summary line, with its line end, at {@code nowNanos}. */
  String line(long nowNanos) {
    long calls = answered + nxdomain + nodata + again + other + malformed;
    double seconds = Math.max(0, nowNanos - start) / 1e9;
    long rate = seconds > 0 ? Math.round(calls / seconds) : 0;
    return String.format(Locale.ROOT,
        "netdb: batch calls=%d answered=%d nxdomain=%d nodata=%d again=%d other=%d malformed=%d"
            + " elapsed=%.3fs rate=%d/s\n",
        calls, answered, nxdomain, nodata, again, other, malformed, seconds, rate);
  }
}
