package dev.netdb.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The services and protocols databases the pure-Java back end reads, with injectable paths.
 *
 * @param services the services database
 * @param protocols the protocols database
 */
public record FilesDatabases(ServicesDatabase services, ProtocolsDatabase protocols) {
  /** Creates the pair; neither may be null. */
  public FilesDatabases {
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(protocols, "protocols");
  }

  /** Returns the databases on {@code /etc/services} and {@code /etc/protocols}. No file is read yet. */
  public static FilesDatabases system() {
    return new FilesDatabases(ServicesDatabase.system(), ProtocolsDatabase.system());
  }

  /** Returns the databases on the given files, checked for changes once a second. */
  public static FilesDatabases open(Path servicesFile, Path protocolsFile) {
    return new FilesDatabases(ServicesDatabase.open(servicesFile), ProtocolsDatabase.open(protocolsFile));
  }

  /**
   * One version of a services or protocols file. Its first lookup scans the bytes only as far as
   * the answer, as glibc's files module reads the file on every call (the same answers: first
   * match in file order, {@link ServicesFile#findByName}); a process that makes one lookup, such as
   * the CLI, never parses the rest. The second lookup, a listing or {@link #diagnostics()} parses
   * and indexes the whole version once, and logs its skipped lines then ({@link ConfigFile#report}:
   * once per version, never per lookup).
   *
   * @param <T> the indexed table
   */
  static final class Table<T> {
    private final Path path;
    private final byte[] content;
    private final Function<byte[], Parsed<T>> parser;
    private final java.util.concurrent.atomic.AtomicBoolean scanned =
        new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Parsed<T> parsed;

    /** The whole version: its indexed table and the lines skipped. */
    record Parsed<T>(T table, List<Diagnostic> diagnostics) {}

    Table(Path path, byte[] content, Function<byte[], Parsed<T>> parser) {
      this.path = path;
      this.content = content;
      this.parser = parser;
    }

    /** Returns the bytes for the version's first lookup to scan, or null once it is indexed or was scanned. */
    byte[] firstScan() {
      return parsed == null && scanned.compareAndSet(false, true) ? content : null;
    }

    /** Returns the indexed table, parsing the version on first use. */
    T table() {
      return parsed().table();
    }

    /** Returns the lines of this version that were skipped, with reasons. */
    List<Diagnostic> diagnostics() {
      return parsed().diagnostics();
    }

    private Parsed<T> parsed() {
      Parsed<T> p = parsed;
      if (p == null) {
        synchronized (this) {
          p = parsed;
          if (p == null) {
            p = parser.apply(content);
            ConfigFile.report(path, p.diagnostics());
            parsed = p;
          }
        }
      }
      return p;
    }
  }

  /**
   * Returns the holder of a services or protocols file, scanned for a version's first lookup and
   * parsed and indexed after that ({@link Table}); while the file does not exist, the embedded
   * table {@code resource} stands in (glibc would find nothing: the one deliberate fallback, for
   * machines without netbase).
   */
  static <E, T> ConfigFile<Table<T>> watch(Path path, String resource,
      Function<byte[], ParseResult<E>> parser, Function<List<E>, T> indexer,
      Duration checkInterval, LongSupplier clock, int burstSkips) {
    Function<byte[], Table.Parsed<T>> whole = bytes -> {
      ParseResult<E> r = parser.apply(bytes);
      return new Table.Parsed<>(indexer.apply(r.entries()), r.diagnostics());
    };
    // The table reports its own diagnostics when it parses: none for the holder to log.
    return new ConfigFile<>(path, content -> new Table<>(path, content != null ? content : embedded(resource), whole),
        t -> List.of(), checkInterval, clock, burstSkips);
  }

  /** Returns an embedded table ({@code services} or {@code protocols}) from the jar. */
  static byte[] embedded(String resource) {
    try (InputStream in = FilesDatabases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("embedded table missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedded table " + resource, e);
    }
  }
}
