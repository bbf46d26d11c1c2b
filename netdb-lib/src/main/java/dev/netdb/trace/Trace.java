package dev.netdb.trace;

import java.util.List;
import java.util.Objects;

/**
 * Holds the steps of one traced lookup, in the order they happened (DNS queries in the order they
 * were sent), ending with a {@link TraceStep.Result} or a {@link TraceStep.Failure}. Immutable.
 *
 * @param steps the steps, first to last
 */
public record Trace(List<TraceStep> steps) {
  /**
   * Creates a trace; the list becomes immutable.
   *
   * @param steps the steps, first to last
   */
  public Trace {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  /**
   * Returns the steps of one kind, in order.
   *
   * @param <S> the kind of step
   * @param kind the step's class, such as {@code TraceStep.Query.class}
   * @return the steps of that kind
   */
  public <S extends TraceStep> List<S> steps(Class<S> kind) {
    return steps.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
