package dev.netdb.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A database file that is parsed on first use and parsed again when it changes.
 *
 * <p>A change is a different modification time or size; they are checked at most once per interval
 * of the injected monotonic clock, or at once by {@link #refresh()}. Each lookup reads the clock,
 * except in bursts: when {@code burstSkips} is positive and a thread's lookup comes less than
 * {@value #BURST_NANOS} ns after its previous clock read, its next {@code burstSkips} lookups do not
 * read it (on this project's virtual machines a clock read costs about 120 ns, more than a lookup).
 * So a change is noticed at the first lookup after the interval, except that up to {@code
 * burstSkips} lookups of a thread right after a burst may still see the old version. When the file does not exist,
 * the embedded resource is used; when it exists but cannot be read, the table is empty (glibc's
 * {@code fopen} fails and every lookup finds nothing) and a warning is logged. Nothing is read
 * before the first lookup.
 *
 * @param <T> the indexed table built from one version of the file
 */
final class WatchedFile<T> {
  /** Created on first use: System.getLogger sets up the logging back end, which costs start-up. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("dev.netdb.files");
  }

  /**
   * One parsed version of the file, with the attributes it was read under and the clock reading
   * before which it is not checked again (one volatile read per lookup covers both).
   */
  record Version<T>(
      T table, List<Diagnostic> diagnostics, String source, FileTime mtime, long size, long nextCheck) {
    Version<T> checkedAt(long now, long interval) {
      return new Version<>(table, diagnostics, source, mtime, size, now + interval);
    }
  }

  private static final long UNREADABLE = -2;

  /** Two clock reads of one thread closer than this start a burst. */
  static final long BURST_NANOS = 20_000;

  private final Path path;
  private final String resource;
  private final Function<byte[], ParseResult<?>> parser;
  private final Function<ParseResult<?>, T> indexer;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final int burstSkips;
  /** Per thread: lookups left that skip the clock, and the last clock reading. */
  private final ThreadLocal<long[]> burst = ThreadLocal.withInitial(() -> new long[] {0, Long.MIN_VALUE});
  private volatile Version<T> current;

  @SuppressWarnings("unchecked")
  <E> WatchedFile(
      Path path,
      String resource,
      Function<byte[], ParseResult<E>> parser,
      Function<List<E>, T> indexer,
      long intervalNanos,
      LongSupplier nanoClock,
      int burstSkips) {
    this.path = Objects.requireNonNull(path, "path");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.parser = (Function<byte[], ParseResult<?>>) (Function<?, ?>) parser;
    this.indexer = r -> indexer.apply((List<E>) r.entries());
    if (intervalNanos < 0) {
      throw new IllegalArgumentException("check interval must not be negative: " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    if (burstSkips < 0) {
      throw new IllegalArgumentException("burstSkips must not be negative: " + burstSkips);
    }
    this.burstSkips = burstSkips;
  }

  /** Returns the path this file is read from. */
  Path path() {
    return path;
  }

  /** Returns the current version, checking the file first if the interval has passed. */
  Version<T> get() {
    Version<T> v = current;
    if (v == null) {
      return check(false);
    }
    long now;
    if (burstSkips == 0) {
      now = nanoClock.getAsLong();
    } else {
      long[] b = burst.get();
      if (b[0] > 0) {
        b[0]--;
        return v;
      }
      now = nanoClock.getAsLong();
      b[0] = b[1] != Long.MIN_VALUE && now - b[1] < BURST_NANOS ? burstSkips : 0;
      b[1] = now;
    }
    return now - v.nextCheck() < 0 ? v : check(false);
  }

  /** Checks the file now, whatever the interval, and returns the current version. */
  Version<T> refresh() {
    return check(true);
  }

  private synchronized Version<T> check(boolean force) {
    long now = nanoClock.getAsLong();
    Version<T> v = current;
    if (v != null && !force && now - v.nextCheck() < 0) {
      return v; // another thread checked while this one waited
    }
    Version<T> next = load(v).checkedAt(now, intervalNanos);
    current = next;
    return next;
  }

  private Version<T> load(Version<T> old) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (old != null && old.mtime() == null) {
        return old; // still the embedded table
      }
      return parse(readResource(), "embedded " + resource + " (" + path + " does not exist)", null, -1);
    } catch (IOException e) {
      return unreadable(old, e);
    }
    if (old != null
        && attrs.lastModifiedTime().equals(old.mtime())
        && attrs.size() == old.size()) {
      return old;
    }
    try {
      return parse(Files.readAllBytes(path), path.toString(), attrs.lastModifiedTime(), attrs.size());
    } catch (IOException e) {
      return unreadable(old, e);
    }
  }

  private Version<T> unreadable(Version<T> old, IOException e) {
    if (old != null && old.size() == UNREADABLE) {
      return old; // already empty and reported
    }
    Log.LOG.log(Level.WARNING, "cannot read {0}: {1}; its database is empty", path, e.toString());
    return parse(new byte[0], path + " (unreadable)", FileTime.fromMillis(Long.MIN_VALUE), UNREADABLE);
  }

  private Version<T> parse(byte[] data, String source, FileTime mtime, long size) {
    ParseResult<?> result = parser.apply(data);
    List<Diagnostic> diagnostics = result.diagnostics();
    if (!diagnostics.isEmpty()) {
      Log.LOG.log(
          Level.WARNING,
          "{0}: {1} line(s) skipped as glibc skips them; first: {2}",
          source,
          diagnostics.size(),
          diagnostics.getFirst());
      for (Diagnostic d : diagnostics) {
        Log.LOG.log(Level.DEBUG, "{0}: {1}", source, d);
      }
    }
    return new Version<>(indexer.apply(result), diagnostics, source, mtime, size, 0);
  }

  private byte[] readResource() {
    try (InputStream in = WatchedFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("embedded table missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedded table " + resource, e);
    }
  }
}
