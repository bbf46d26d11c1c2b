package dev.netdb.files;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads whole files with {@code java.io}, not NIO channels. {@code Files.readAllBytes} opens a
 * {@code FileChannel}, whose first use initialises {@code sun.nio.ch} and loads {@code libnet}:
 * about 1 ms of a one-shot command's start, for files of a few kilobytes that a stream reads in
 * one or two {@code read} calls.
 */
public final class FileBytes {
  private FileBytes() {}

  /**
   * Returns the bytes of {@code path}.
   *
   * @param path the file
   * @return its contents
   * @throws IOException when it cannot be opened or read (a missing file, a directory, no access)
   */
  public static byte[] read(Path path) throws IOException {
    try (FileInputStream in = new FileInputStream(path.toString())) {
      return in.readAllBytes();
    }
  }
}
