package dev.netdb.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Function;

/**
 * Holds the parsed form of a configuration file and re-reads it when its modification time, size
 * or file key changes. The file is checked on every {@link #get()}, as glibc reopens its files on
 * every lookup. Reading never throws: a missing or unreadable file parses as empty text (the
 * parser reports it through its own diagnostics).
 *
 * @param <T> the parsed form
 */
public final class ReloadingFile<T> {
  private record Stamp(FileTime modified, long size, Object key) {
    /**
     * Compares field by field: a record's generated {@code equals} is an invokedynamic call site
     * whose first use costs 10-20 ms at start-up, and this runs on every command's start path.
     */
    boolean sameAs(Stamp o) {
      return o != null && size == o.size && modified.equals(o.modified)
          && Objects.equals(key, o.key);
    }
  }

  private record State<T>(Stamp stamp, T value) {}

  private final Path path;
  private final Function<String, T> parser;
  private volatile State<T> state;

  /** Creates a holder that parses the file's text (ISO-8859-1, byte for byte) with {@code parser}. */
  public ReloadingFile(Path path, Function<String, T> parser) {
    this.path = Objects.requireNonNull(path, "path");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /** Returns the file's path. */
  public Path path() {
    return path;
  }

  /** Returns the parsed content, re-reading the file if it changed since the last call. */
  public T get() {
    Stamp now = stamp();
    State<T> s = state;
    if (s != null && (s.stamp() == null ? now == null : s.stamp().sameAs(now))) {
      return s.value();
    }
    String text = "";
    if (now != null) {
      try {
        text = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        text = "";
      }
    }
    T value = parser.apply(text);
    state = new State<>(now, value);
    return value;
  }

  private Stamp stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
