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
  /** Whether the answer cache's verdict is noted (every recorder but {@link #OFF}). */
  private final boolean notes;
  private volatile boolean answerHit;
  private volatile boolean servedStale;
  private volatile boolean waitedForDns;

  private TraceRecorder() {
    this.steps = null;
    this.files = Map.of();
    this.notes = false;
  }

  private TraceRecorder(List<TraceStep> steps, Map<String, String> files) {
    this.steps = steps;
    this.files = Map.copyOf(files);
    this.notes = true;
  }

  /**
   * Returns a recorder that collects steps.
   *
   * @param files the configuration files by role (see {@link TraceStep.Config#files()})
   */
  public static TraceRecorder collecting(Map<String, String> files) {
    return new TraceRecorder(new ArrayList<>(), files);
  }

  /**
   * Returns a recorder that collects no steps ({@link #on()} is false, so no stage builds one)
   * but notes whether the answer cache answered and whether it served a stale answer: what the
   * {@code dev.netdb.Lookup} JFR event reports.
   */
  public static TraceRecorder noting() {
    return new TraceRecorder(null, Map.of());
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

  /**
   * Records the answer cache's verdict on a call (see {@link TraceStep.CachedAnswer}); builds the
   * step only when steps are collected, and notes a hit or a stale answer for any recorder but
   * {@link #OFF}.
   */
  public final void answerCache(String host, String state, String kind, long remainingNanos,
      long expiredNanos) {
    if (!notes) {
      return;
    }
    if (state.equals("hit")) {
      answerHit = true;
    } else if (state.equals("stale")) {
      servedStale = true;
    }
    if (steps != null) {
      add(new TraceStep.CachedAnswer(host == null ? "" : host, state, kind,
          Math.max(0, remainingNanos) / 1_000_000, Math.max(0, expiredNanos) / 1_000_000));
    }
  }

  /** Reports whether the answer cache answered from a fresh entry. */
  public final boolean answerCacheHit() {
    return answerHit;
  }

  /**
   * Notes that the lookup waits for a DNS exchange (its own or one in flight that it joined): a
   * {@code dev.netdb.Lookup} event is then not {@code cached}, however soon the reply comes.
   */
  public final void waitedForDns() {
    if (notes) {
      waitedForDns = true;
    }
  }

  /** Reports whether the lookup waited for a DNS exchange ({@link #waitedForDns()}). */
  public final boolean waited() {
    return waitedForDns;
  }

  /** Reports whether the answer cache served an expired answer (RFC 8767). */
  public final boolean servedStale() {
    return servedStale;
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
