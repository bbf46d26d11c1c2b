package dev.netdb.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The services database of the pure-Java back end: a services file read with glibc's rules
 * ({@link ServicesFile}), looked up with glibc's rules, and re-read when it changes.
 *
 * <p>Lookups return the first matching entry in file order; names, aliases and protocols are
 * case-sensitive; a null protocol matches any. The file's modification time and size are checked at
 * most once per check interval (glibc re-reads the file on every call; the interval is the one
 * deliberate difference, and {@link #refresh()} or an interval of zero removes it). With the
 * system clock, a thread's lookups in a burst (two within 20 µs) read the clock only once per 64,
 * since a clock read can cost more than a lookup; so up to 63 lookups right after a burst may still
 * see a version older than the interval. An injected clock is read on every lookup. When the file
 * does not exist, the embedded copy of Debian netbase 6.4's IANA-derived table is used. No file is
 * read before the first lookup. Instances are safe for concurrent use.
 */
public final class ServicesDatabase {
  /** The file glibc reads ({@code _PATH_SERVICES}). */
  public static final Path DEFAULT_PATH = Path.of("/etc/services");

  /** How often a change of the file is looked for, unless told otherwise. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  /**
   * Lookups of one thread that skip the clock after two quick ones, with the system clock (see
   * {@link ConfigFile}); an injected clock is read on every lookup.
   */
  private static final int BURST_SKIPS = 63;

  private final ConfigFile<FilesDatabases.Table<ServicesTable>> file;

  private ServicesDatabase(
      Path path, Duration checkInterval, LongSupplier nanoClock, int burstSkips) {
    this.file = FilesDatabases.watch(path, "services", ServicesFile::parse, ServicesTable::new, checkInterval,
        nanoClock, burstSkips);
  }

  /** Returns a database on {@code /etc/services}. */
  public static ServicesDatabase system() {
    return open(DEFAULT_PATH);
  }

  /** Returns a database on {@code path}, checked for changes once a second. */
  public static ServicesDatabase open(Path path) {
    return new ServicesDatabase(path, DEFAULT_CHECK_INTERVAL, System::nanoTime, BURST_SKIPS);
  }

  /**
   * Returns a database on {@code path}, checked for changes at most once per {@code checkInterval}
   * of {@code nanoClock} (a monotonic clock in nanoseconds, like {@link System#nanoTime()}).
   */
  public static ServicesDatabase open(Path path, Duration checkInterval, LongSupplier nanoClock) {
    Objects.requireNonNull(checkInterval, "checkInterval");
    return new ServicesDatabase(path, checkInterval, nanoClock, 0);
  }

  /**
   * Returns the first entry named or aliased {@code name} whose protocol is {@code proto}, or null
   * ({@code getservbyname_r(3)}). {@code proto} may be null for any protocol.
   */
  public Servent serviceByName(String name, String proto) {
    Objects.requireNonNull(name, "name");
    return file.get().table().byName(name, proto);
  }

  /**
   * Returns the first entry on {@code port} (host order; only its low 16 bits count, as after
   * {@code htons}) whose protocol is {@code proto}, or null ({@code getservbyport_r(3)}).
   */
  public Servent serviceByPort(int port, String proto) {
    return file.get().table().byPort(port, proto);
  }

  /** Returns every entry in file order, as {@code getent services} lists them. */
  public List<Servent> services() {
    return file.get().table().entries();
  }

  /** Returns the lines of the current version that were skipped, with reasons. */
  public List<Diagnostic> diagnostics() {
    return file.get().diagnostics();
  }

  /** Returns where the current version came from: the path, or the embedded table. */
  public String source() {
    return file.exists() ? file.source() : "embedded services (" + file.path() + " does not exist)";
  }

  /** Returns the configured path. */
  public Path path() {
    return file.path();
  }

  /** Checks the file for a change now, whatever the interval, and re-reads it if it changed. */
  public void refresh() {
    file.refresh();
  }

  @Override
  public String toString() {
    return "ServicesDatabase[" + file.path() + "]";
  }
}
