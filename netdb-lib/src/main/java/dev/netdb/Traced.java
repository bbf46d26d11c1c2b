package dev.netdb;

import dev.netdb.trace.Trace;
import dev.netdb.trace.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds the outcome of a traced lookup ({@link NetDb#getaddrinfoTraced}, {@link
 * NetDb#lookupTraced}): the value or the error the untraced call would have returned or thrown,
 * and the {@link Trace} of what the lookup did. Immutable.
 *
 * @param <T> the type of the value
 * @param value the value, or null when the lookup failed
 * @param error the error the untraced call would throw, or null when it succeeded
 * @param trace the steps of the lookup, ending with its result or error
 */
public record Traced<T>(T value, RuntimeException error, Trace trace) {
  /**
   * Checks that exactly one of value and error is given.
   *
   * @param value the value, or null
   * @param error the error, or null
   * @param trace the trace
   */
  public Traced {
    Objects.requireNonNull(trace, "trace");
    if ((value == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of value and error");
    }
  }

  /**
   * Returns the value, or throws the error as the untraced call would have.
   *
   * @return the value
   */
  public T orElseThrow() {
    if (error != null) {
      throw error;
    }
    return value;
  }

  /** Returns {@code trace} with the result step of a getaddrinfo answer added. */
  static Trace withResult(Trace trace, List<AddrInfo> answer) {
    List<String> addresses = new ArrayList<>();
    for (AddrInfo ai : answer) {
      if (!addresses.contains(ai.host())) {
        addresses.add(ai.host());
      }
    }
    String canon = answer.isEmpty() ? "" : answer.getFirst().canonicalName();
    return append(trace, new TraceStep.Result(addresses, canon));
  }

  /** Returns {@code trace} with the error step of a failure added. */
  static Trace withError(Trace trace, RuntimeException error) {
    TraceStep.Failure f = error instanceof NetDbException e
        ? new TraceStep.Failure(e.kind().pythonName(),
            e.code().isPresent() ? e.code().getAsInt() : null, e.pythonMessage())
        : new TraceStep.Failure(error.getClass().getSimpleName(), null, String.valueOf(error.getMessage()));
    return append(trace, f);
  }

  private static Trace append(Trace trace, TraceStep step) {
    List<TraceStep> steps = new ArrayList<>(trace.steps());
    steps.add(step);
    return new Trace(steps);
  }

  /**
   * Returns the outcome of a getaddrinfo call, its trace completed by a {@link TraceStep.Result}
   * (the distinct addresses in order and the canonical name) or a {@link TraceStep.Failure}.
   *
   * @param trace the steps of the lookup so far
   * @param answer the answer, or null when the call failed
   * @param error the error, or null when the call succeeded
   * @return the outcome
   */
  public static Traced<List<AddrInfo>> of(Trace trace, List<AddrInfo> answer, RuntimeException error) {
    return error != null
        ? new Traced<>(null, error, withError(trace, error))
        : new Traced<>(answer, null, withResult(trace, answer));
  }
}
