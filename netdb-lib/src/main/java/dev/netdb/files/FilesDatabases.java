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

  /** One version of a services or protocols file: its indexed table and the lines skipped. */
  record Table<T>(T table, List<Diagnostic> diagnostics) {}

  /**
   * Returns the holder of a services or protocols file, parsed and indexed; while the file does
   * not exist, the embedded table {@code resource} stands in (glibc would find nothing: the one
   * deliberate fallback, for machines without netbase).
   */
  static <E, T> ConfigFile<Table<T>> watch(Path path, String resource,
      Function<byte[], ParseResult<E>> parser, Function<List<E>, T> indexer,
      Duration checkInterval, LongSupplier clock, int burstSkips) {
    return new ConfigFile<>(path, content -> {
      ParseResult<E> r = parser.apply(content != null ? content : embedded(resource));
      return new Table<>(indexer.apply(r.entries()), r.diagnostics());
    }, Table::diagnostics, checkInterval, clock, burstSkips);
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
