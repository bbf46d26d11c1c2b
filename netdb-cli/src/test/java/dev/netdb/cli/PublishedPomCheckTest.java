package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the check that {@code -Prelease} runs on every published POM ({@code
 * scripts/CheckPublishedPom.java}): it passes a POM with all of Maven Central's elements and
 * names each one that is missing.
 */
class PublishedPomCheckTest {
  private static final Path SCRIPT = Path.of("../scripts/CheckPublishedPom.java");

  private static final String GOOD = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>dev.netdb</groupId>
        <artifactId>netdb</artifactId>
        <version>1.0.0</version>
        <name>netdb library</name>
        <description>Python's socket naming functions for Java.</description>
        <url>https://example.org/netdb</url>
        <licenses><license><name>Apache-2.0</name>
          <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
        <developers><developer><name>The netdb maintainers</name></developer></developers>
        <scm><connection>scm:git:https://example.org/netdb.git</connection>
          <developerConnection>scm:git:ssh://git@example.org/netdb.git</developerConnection>
          <url>https://example.org/netdb</url></scm>
      </project>
      """;

  @Test
  void passesACompletePomWithItsJars(@TempDir Path dir) throws Exception {
    Path pom = Files.writeString(dir.resolve("pom.xml"), GOOD);
    for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
      Files.writeString(dir.resolve("netdb" + suffix), "PK");
    }
    var r = check(pom.toString(), dir.resolve("netdb").toString());
    assertThat(r.out()).contains(": ok");
    assertThat(r.status()).isZero();
  }

  @Test
  void namesEveryMissingElementAndJar(@TempDir Path dir) throws Exception {
    String bad = GOOD.replaceAll("(?s)<scm>.*</scm>", "")
        .replace("<description>Python's socket naming functions for Java.</description>", "")
        .replace("https://example.org/netdb</url>\n  <licenses>",
            "${project.url}</url>\n  <licenses>")
        .replace("<modelVersion>", "<parent><artifactId>p</artifactId></parent><modelVersion>");
    Path pom = Files.writeString(dir.resolve("pom.xml"), bad);
    Files.writeString(dir.resolve("netdb.jar"), "PK");
    var r = check(pom.toString(), dir.resolve("netdb").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("missing <description>", "missing <scm><connection>",
        "missing <scm><developerConnection>", "missing <scm><url>", "has a <parent>",
        "unresolved <url>: ${project.url}",
        "missing " + dir.resolve("netdb-sources.jar"),
        "missing " + dir.resolve("netdb-javadoc.jar"))
        .doesNotContain("missing <name>");
  }

  @Test
  void failsWithoutAPom(@TempDir Path dir) throws Exception {
    var r = check(dir.resolve("absent.xml").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("no POM at");
  }

  record Result(int status, String out) {}

  private static Result check(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
