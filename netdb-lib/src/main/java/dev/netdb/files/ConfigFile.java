package dev.netdb.files;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Holds the current parsed value of one configuration file (hosts, services, protocols,
 * resolv.conf, gai.conf, host.conf) and re-reads it when it changes: the one freshness mechanism of
 * the pure-Java back end.
 *
 * <p><b>When it looks.</b> The file's identity, size and modification time are compared at most
 * once per check interval of an injected monotonic clock; an interval of zero checks on every
 * call, as glibc does (it re-opens its files on every lookup and {@code stat}s resolv.conf in
 * {@code __resolv_conf_get_current}). Nothing is read before the first {@link #get()}.
 *
 * <p><b>Reads it does not trust for the interval.</b> glibc re-reads on the next call, so one bad
 * read costs it one answer; a read kept for the whole interval would cost every answer in it. Two
 * kinds of read are therefore re-checked on the very next call, whatever the interval: a read
 * during which the file changed (its {@code stat} before and after differ: a rewrite in progress),
 * and an empty read of a file that had content (an in-place rewrite truncates first). The second
 * stays untrusted until the file has content again, so a file that is really emptied costs one
 * {@code stat} per call, which is glibc's cost anyway.
 *
 * <p><b>Diagnostics.</b> When a read gives new content, the parsed value's diagnostics (bad lines,
 * each with its line number) are logged through {@link System.Logger} ({@code dev.netdb.files}) as
 * one {@code WARNING} naming the file: once per change of the file, never per lookup. An unreadable
 * file is logged once as a {@code WARNING} and parses as empty (glibc's {@code fopen} fails and its
 * lookup finds nothing); a missing one is passed to the parser as {@code null}, which gives the
 * file's glibc default (an embedded table, defaults, or nothing).
 *
 * <p><b>Bursts.</b> With {@code burstSkips} positive, a thread whose lookup comes less than
 * {@value #BURST_NANOS} ns after its previous clock read skips the clock for its next {@code
 * burstSkips} lookups (a clock read costs about 120 ns on this project's machines, more than a
 * services lookup); up to that many lookups right after a burst may see a version older than the
 * interval. Safe for concurrent use: lookups take no lock unless the file changed.
 *
 * @param <T> the parsed value
 */
public final class ConfigFile<T> {
  /** Created on first use: System.getLogger sets up the logging back end, which costs start-up. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("dev.netdb.files");
  }

  /** Two clock reads of one thread closer than this start a burst. */
  static final long BURST_NANOS = 20_000;

  /** The most diagnostics one log record lists. */
  static final int LOGGED_LINES = 20;

  /** What a {@code stat} saw: the identity, size and time, or that there was no readable file. */
  private record Stamp(FileTime modified, long size, Object key) {
    static final Stamp MISSING = new Stamp(FileTime.fromMillis(0), -1, "missing");
    static final Stamp UNREADABLE = new Stamp(FileTime.fromMillis(0), -2, "unreadable");

    /**
     * Compares field by field: a record's generated {@code equals} is an invokedynamic call site
     * whose first use costs 10-20 ms, and this runs on every command's start path.
     */
    @Override
    public boolean equals(Object o) {
      return o instanceof Stamp s && size == s.size && modified.equals(s.modified)
          && java.util.Objects.equals(key, s.key);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(size) * 31 + modified.hashCode();
    }
  }

  /**
   * One read of the file: its value, the bytes it came from, the stamp it was read under, the
   * clock reading before which it is not checked again, and whether it is an empty read of a file
   * that had content (re-checked on every call until that changes).
   */
  private record Version<T>(
      T value, byte[] content, Stamp stamp, long nextCheck, boolean emptiedOut, boolean unreadable) {}

  private final Path path;
  private final Function<byte[], T> parser;
  private final Function<? super T, ? extends List<?>> diagnostics;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final int burstSkips;
  /** Per thread: lookups left that skip the clock, and the last clock reading. */
  private final ThreadLocal<long[]> burst;
  private final AtomicReference<Version<T>> current = new AtomicReference<>();

  /**
   * Creates a holder; nothing is read until the first {@link #get()}.
   *
   * @param path the file
   * @param parser parses the file's bytes, or {@code null} when the file does not exist; never
   *     throws
   * @param diagnostics gives a parsed value's diagnostics, each naming its line
   * @param checkInterval how long a read is trusted without a {@code stat}; zero checks every call
   * @param clock a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   * @param burstSkips lookups of a thread that may skip the clock in a burst (0: never skip)
   */
  public ConfigFile(
      Path path,
      Function<byte[], T> parser,
      Function<? super T, ? extends List<?>> diagnostics,
      Duration checkInterval,
      LongSupplier clock,
      int burstSkips) {
    this.path = Objects.requireNonNull(path, "path");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    if (checkInterval.isNegative()) {
      throw new IllegalArgumentException("check interval must not be negative: " + checkInterval);
    }
    this.intervalNanos = checkInterval.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock");
    if (burstSkips < 0) {
      throw new IllegalArgumentException("burstSkips must not be negative: " + burstSkips);
    }
    this.burstSkips = burstSkips;
    this.burst = burstSkips == 0 ? null : ThreadLocal.withInitial(() -> new long[] {0, Long.MIN_VALUE});
  }

  /** Returns a holder that checks on every call, with the system clock and no bursts. */
  public static <T> ConfigFile<T> everyCall(
      Path path, Function<byte[], T> parser, Function<? super T, ? extends List<?>> diagnostics) {
    return new ConfigFile<>(path, parser, diagnostics, Duration.ZERO, System::nanoTime, 0);
  }

  /** Returns the file's path. */
  public Path path() {
    return path;
  }

  /** Returns the current value, checking the file first when the interval has passed. */
  public T get() {
    Version<T> v = current.get();
    if (v == null) {
      return check(false).value();
    }
    long now;
    if (burst == null) {
      now = clock.getAsLong();
    } else {
      long[] b = burst.get();
      if (b[0] > 0) {
        b[0]--;
        return v.value();
      }
      now = clock.getAsLong();
      b[0] = b[1] != Long.MIN_VALUE && now - b[1] < BURST_NANOS ? burstSkips : 0;
      b[1] = now;
    }
    return now - v.nextCheck() < 0 ? v.value() : recheck(v, now);
  }

  /**
   * Checks an expired version without the lock when the file is unchanged, the common case (with
   * an interval of zero, every call): one {@code stat}, and at most a compare-and-set of the next
   * check time, so concurrent lookups do not queue behind each other's {@code stat}.
   */
  private T recheck(Version<T> v, long now) {
    if (!stat().equals(v.stamp())) {
      return check(false).value();
    }
    if (intervalNanos != 0 && !v.emptiedOut()) {
      current.compareAndSet(v, again(v, now)); // lost to a newer version: that one stands
    }
    return v.value();
  }

  /** Checks the file now, whatever the interval, and returns the current value. */
  public T refresh() {
    return check(true).value();
  }

  /** Reports whether the file existed at the last check (reading it first if never read). */
  public boolean exists() {
    Version<T> v = current.get();
    return (v != null ? v : check(false)).stamp() != Stamp.MISSING;
  }

  /** Returns the file's path, marked {@code (unreadable)} when the last check could not read it. */
  public String source() {
    Version<T> v = current.get();
    return (v != null ? v : check(false)).unreadable()
        ? path + " (unreadable)"
        : path.toString();
  }

  private synchronized Version<T> check(boolean force) {
    long now = clock.getAsLong();
    Version<T> v = current.get();
    if (v != null && !force && now - v.nextCheck() < 0) {
      return v; // another thread checked while this one waited
    }
    Version<T> next = load(v, now);
    current.set(next);
    return next;
  }

  private Version<T> load(Version<T> old, long now) {
    Stamp before = stat();
    if (old != null && before.equals(old.stamp())) {
      return again(old, now);
    }
    if (before == Stamp.MISSING) {
      Log.LOG.log(Level.DEBUG, "{0} does not exist; glibc''s default for it is used", path);
      return read(old, null, before, now, false);
    }
    byte[] content = before == Stamp.UNREADABLE ? null : readAll();
    if (content == null) {
      // Logged once: the stamp is kept, so the next checks find it unchanged.
      Log.LOG.log(Level.WARNING, "cannot read {0}; it is taken as empty, as glibc takes it", path);
      return read(old, new byte[0], before, now, true);
    }
    return read(old, content, before, now, false);
  }

  /** Keeps an unchanged version, trusted for another interval unless it emptied out. */
  private Version<T> again(Version<T> old, long now) {
    long next = old.emptiedOut() ? now : now + intervalNanos;
    return new Version<>(
        old.value(), old.content(), old.stamp(), next, old.emptiedOut(), old.unreadable());
  }

  /**
   * Makes the version for {@code content} read under {@code before}: parsed unless it is the old
   * content again, then trusted for the interval only if a second {@code stat}, after the read and
   * the parse, still sees {@code before}.
   */
  private Version<T> read(
      Version<T> old, byte[] content, Stamp before, long now, boolean unreadable) {
    boolean same = old != null && old.stamp() != Stamp.MISSING && before != Stamp.MISSING
        && Arrays.equals(old.content(), content);
    T value = same ? old.value() : parse(content);
    Stamp after = content == null || unreadable ? before : stat();
    boolean emptiedOut = !unreadable && content != null && content.length == 0 && old != null
        && (old.emptiedOut() || (old.content() != null && old.content().length > 0));
    boolean settled = before.equals(after);
    long next = settled && !emptiedOut ? now + intervalNanos : now;
    return new Version<>(value, content, before, next, emptiedOut, unreadable);
  }

  private T parse(byte[] content) {
    T value = parser.apply(content);
    report(path, diagnostics.apply(value));
    return value;
  }

  /**
   * Logs {@code found}, the diagnostics of one version of {@code path}, as one {@code WARNING}
   * (nothing when there are none); for values that parse later than their read (the services and
   * protocols tables).
   */
  static void report(Path path, List<?> found) {
    if (!found.isEmpty()) {
      StringBuilder b = new StringBuilder();
      b.append(path).append(": ").append(found.size())
          .append(" problem(s), each handled as glibc handles it:");
      for (int i = 0; i < Math.min(found.size(), LOGGED_LINES); i++) {
        b.append("\n  ").append(found.get(i));
      }
      if (found.size() > LOGGED_LINES) {
        b.append("\n  ... and ").append(found.size() - LOGGED_LINES).append(" more");
      }
      Log.LOG.log(Level.WARNING, b.toString());
    }
  }

  private Stamp stat() {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (NoSuchFileException e) {
      return Stamp.MISSING;
    } catch (IOException e) {
      return Stamp.UNREADABLE;
    }
  }

  private byte[] readAll() {
    try {
      return FileBytes.read(path);
    } catch (IOException e) {
      return null;
    }
  }
}
