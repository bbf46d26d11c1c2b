package dev.netdb.observe;

import dev.netdb.trace.Trace;
import dev.netdb.trace.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the steps of one traced lookup from the stages it passes (the pipeline, the hosts
 * file, the cache, each DNS exchange on the I/O thread, the sort). Untraced lookups carry {@link
 * #OFF}, whose methods do nothing: a stage asks {@link #on()} before it builds anything to
 * record, so tracing costs an untraced lookup one call that returns false.
 *
 * <p>Safe for concurrent use: the A and AAAA exchanges of one lookup report from the I/O thread
 * while the pipeline reports from the executor. A query takes its place in the trace when it is
 * sent ({@link #reserve()}) and is filled in when it ends, so queries appear in the order sent.
 */
public final class TraceRecorder {
  /** The recorder of untraced lookups: records nothing. */
  public static final TraceRecorder OFF = new TraceRecorder();

  private final List<TraceStep> steps;
  private final Map<String, String> files;

  private TraceRecorder() {
    this.steps = null;
    this.files = Map.of();
  }

  private TraceRecorder(Map<String, String> files) {
    this.steps = new ArrayList<>();
    this.files = Map.copyOf(files);
  }

  /**
   * Returns a recorder that collects steps.
   *
   * @param files the configuration files by role (see {@link TraceStep.Config#files()})
   */
  public static TraceRecorder collecting(Map<String, String> files) {
    return new TraceRecorder(files);
  }

  /** Reports whether steps are collected; false only for {@link #OFF}. */
  public final boolean on() {
    return steps != null;
  }

  /** Returns the configuration files this lookup reads, by role. */
  public final Map<String, String> files() {
    return files;
  }

  /** Appends a step (nothing for {@link #OFF}). */
  public final void add(TraceStep step) {
    if (steps != null) {
      synchronized (steps) {
        steps.add(step);
      }
    }
  }

  /** Reserves the place of a step that will be known later; returns its index (-1 for OFF). */
  public final int reserve() {
    if (steps == null) {
      return -1;
    }
    synchronized (steps) {
      steps.add(null);
      return steps.size() - 1;
    }
  }

  /** Fills a place returned by {@link #reserve()} (nothing for -1). */
  public final void fill(int slot, TraceStep step) {
    if (steps != null && slot >= 0) {
      synchronized (steps) {
        steps.set(slot, step);
      }
    }
  }

  /** Records a hosts-file look-up: {@code line} 0 for a miss. */
  public final void hosts(String name, int line) {
    if (steps != null) {
      add(new TraceStep.Hosts(files.getOrDefault("hosts", "/etc/hosts"), name, line));
    }
  }

  /** Returns the steps so far, places still reserved left out, as a trace. */
  public final Trace trace() {
    List<TraceStep> out = new ArrayList<>();
    if (steps != null) {
      synchronized (steps) {
        for (TraceStep s : steps) {
          if (s != null) {
            out.add(s);
          }
        }
      }
    }
    return new Trace(out);
  }
}
