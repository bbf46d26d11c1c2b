package dev.netdb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One master-format zone file: the zone's origin (without a trailing dot, {@code "."} for the
 * root), the file name NSD loads it from, and its text.
 */
public record ZoneFile(String origin, String fileName, String text) {
  /** Checks that no component is null or blank and that the file name has no directory part. */
  public ZoneFile {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(text, "text");
    if (origin.isBlank() || fileName.isBlank() || fileName.contains("/")) {
      throw new IllegalArgumentException("bad zone file " + origin + " / " + fileName);
    }
  }

  /** Writes the text to {@code dir/fileName} and returns that path. */
  public Path writeTo(Path dir) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, text);
    return file;
  }
}
