package dev.netdb.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

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
