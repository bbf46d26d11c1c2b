package dev.netdb.dns;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Supplies the settings of a resolv.conf file and re-reads it when it changes, as glibc 2.26+
 * {@code __resolv_conf_get_current} does by comparing the file's identity, size and times. The
 * check is made at most once per {@code checkInterval}, so a lookup does not pay for a {@code
 * stat} each time. Never throws: an unreadable or missing file gives glibc's defaults plus a
 * diagnostic. Safe for concurrent use.
 */
public final class ResolvConfFile implements Supplier<ResolverConfig> {
  /** Created on first use: System.getLogger sets up the logging back end, which costs start-up. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(ResolvConfFile.class.getName());
  }

  private final Path path;
  private final Map<String, String> env;
  private final Supplier<String> hostname;
  private final long intervalNanos;
  private final LongSupplier nanos;
  private volatile Snapshot current;

  private record Snapshot(ResolverConfig config, Object stamp, long checkedAt) {}

  /**
   * Creates a source; nothing is read until the first {@link #get()}.
   *
   * @param env the environment for {@code LOCALDOMAIN} and {@code RES_OPTIONS} (injectable)
   * @param hostname the host name, for the default search domain
   * @param checkInterval how long a read stays trusted without a {@code stat}
   * @param nanos the monotonic clock
   */
  public ResolvConfFile(
      Path path, Map<String, String> env, Supplier<String> hostname, Duration checkInterval, LongSupplier nanos) {
    this.path = Objects.requireNonNull(path, "path");
    this.env = Map.copyOf(env);
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    this.intervalNanos = checkInterval.toNanos();
    this.nanos = Objects.requireNonNull(nanos, "nanos");
  }

  /** Returns the current settings, re-reading the file if it changed. */
  @Override
  public ResolverConfig get() {
    Snapshot s = current;
    long now = nanos.getAsLong();
    if (s != null && now - s.checkedAt < intervalNanos) return s.config;
    synchronized (this) {
      s = current;
      if (s != null && now - s.checkedAt < intervalNanos) return s.config;
      Object stamp = stamp();
      if (s == null || !Objects.equals(s.stamp, stamp)) {
        current = new Snapshot(read(), stamp, now);
      } else {
        current = new Snapshot(s.config, s.stamp, now);
      }
      return current.config;
    }
  }

  private Object stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return java.util.List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime(), a.creationTime());
    } catch (IOException e) {
      return "missing";
    }
  }

  private ResolverConfig read() {
    String text = null;
    String problem = null;
    try {
      // ISO-8859-1 maps every byte, so no file content can make decoding fail.
      text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      problem = path + ": missing; glibc defaults used";
    } catch (IOException e) {
      problem = path + ": unreadable (" + e.getMessage() + "); glibc defaults used";
    }
    ResolverConfig cfg = ResolvConfParser.parse(text, path.toString(), env, hostname.get());
    if (problem != null) cfg = cfg.toBuilder().diagnostic(problem).build();
    for (String d : cfg.diagnostics()) Log.LOG.log(Level.DEBUG, d);
    return cfg;
  }
}
