package dev.netdb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files generated from the command table into a build directory: {@code
 * completion/netdb.bash}, {@code completion/_netdb} and {@code man/netdb.1}. The build runs it at
 * {@code prepare-package} (exec-maven-plugin, in Maven's own JVM) with {@code target} as the
 * directory, so the archive can ship them.
 */
public final class GenerateDocs {
  private GenerateDocs() {}

  /**
   * Writes the files.
   *
   * @param args the output directory, then optionally the version for the man page
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: GenerateDocs DIRECTORY [VERSION]");
    }
    Path dir = Path.of(args[0]);
    String version = args.length > 1 ? args[1] : Version.version();
    write(dir.resolve("completion/netdb.bash"), ShellCompletion.bash());
    write(dir.resolve("completion/_netdb"), ShellCompletion.zsh());
    write(dir.resolve("man/netdb.1"), ManPage.page(version));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
