package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks STYLE.md's rule that no two classes share a simple name, over the main classes of
 * netdb-lib and netdb-cli together (top-level classes; a reader, an IDE search and a stack trace
 * should never have to ask "which HostLookup?").
 */
class ClassNamesTest {
  @Test
  void noTwoTopLevelClassesShareASimpleName() throws Exception {
    Map<String, List<String>> byName = new TreeMap<>();
    for (Class<?> anchor : List.of(NetDb.class, Cli.class)) {
      for (String c : topLevelClasses(anchor)) {
        byName.computeIfAbsent(c.substring(c.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(c);
      }
    }
    assertThat(byName).containsKeys("NetDb", "Cli", "ConfigFile");
    assertThat(byName.values()).allSatisfy(classes -> assertThat(classes).hasSize(1));
  }

  /** Returns the top-level classes of the directory or jar {@code anchor} was loaded from. */
  static List<String> topLevelClasses(Class<?> anchor) throws IOException, URISyntaxException {
    Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(where)) {
      return classesUnder(where);
    }
    try (FileSystem jar = FileSystems.newFileSystem(where)) {
      return classesUnder(jar.getPath("/"));
    }
  }

  private static List<String> classesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(p -> root.relativize(p).toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.endsWith("-info.class"))
          .filter(n -> !n.startsWith("META-INF"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .toList();
    }
  }
}
