package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.testing.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's decisions ({@code ./netdb}, {@code scripts/netdb-java}, {@code
 * scripts/write-stamp}), run for real by {@code /bin/sh} in a copy of the repository's layout:
 * when it builds (no stamp, a stamp from an older build, a POM or a source directory newer than the
 * stamp), when it does not, which JDK it runs and which AOT cache profile it picks. The build and
 * the JDK are scripts that log their arguments: this tests the launcher, not the build (whose
 * stamp step is the real {@code scripts/write-stamp}, as the POM runs it).
 */
class LauncherStalenessTest {
  @TempDir Path root;
  private Path log;
  private Path jdk;

  @BeforeEach
  void layOutARepository() throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    log = root.resolve("calls.log");
    for (String script : List.of("netdb", "scripts/netdb-java", "scripts/write-stamp")) {
      Path to = root.resolve(script);
      Files.createDirectories(to.getParent());
      Files.copy(repo.resolve(script), to);
      executable(to);
    }
    for (String dir : List.of("netdb-lib/src/main/java/dev/netdb/files",
        "netdb-lib/src/main/resources/dev/netdb/files", "netdb-cli/src/main/java/dev/netdb/cli",
        "examples/src/main/java/dev/netdb/examples", "netdb-cli/target", "netdb-lib/target")) {
      Files.createDirectories(root.resolve(dir));
    }
    for (String file : List.of("pom.xml", "netdb-lib/pom.xml", "netdb-cli/pom.xml",
        "netdb-cli/target/netdb-cli.jar", "netdb-lib/target/netdb.jar")) {
      Files.writeString(root.resolve(file), "");
    }
    jdk = root.resolve("jdk");
    // A JDK whose java logs its arguments, and never writes a cache (so no run is a training run
    // that succeeds: each start after a build tries to train once, and is logged as such).
    script(jdk.resolve("bin/java"), "echo \"java $*\" >>" + log + "\n");
    script(root.resolve("scripts/java-home"), "echo " + jdk + "\n");
    // The build: logs itself and writes the stamp as netdb-cli's package phase does.
    script(root.resolve("mvnw"), "echo \"build $*\" >>" + log + "\n"
        + "scripts/write-stamp netdb-cli/target/netdb.stamp \"$JAVA_HOME\"\n");
  }

  @Test
  void buildsWithoutAStampAndNotAgainWhileNothingChanged() throws IOException {
    List<String> first = run("getservbyname", "http");
    assertThat(first).first().asString().startsWith("build ");
    assertThat(first).last().asString().startsWith("java " + "--enable-native-access")
        .endsWith("dev.netdb.cli.Main getservbyname http");
    assertThat(run("getservbyname", "http")).as("current: no build").noneMatch(c -> c.startsWith("build "))
        .last().asString().endsWith("dev.netdb.cli.Main getservbyname http");
  }

  @Test
  void rebuildsWhenAPomOrASourceDirectoryIsNewerThanTheStamp() throws IOException {
    run("getservbyname", "http");
    for (String changed : List.of("netdb-cli/pom.xml", "netdb-lib/src/main/java/dev/netdb/files",
        "netdb-lib/src/main/resources/dev/netdb/files", "netdb-cli/src/main/java/dev/netdb/cli",
        "examples/src/main/java/dev/netdb/examples", "netdb-lib/src/main/java/dev/netdb")) {
      later(root.resolve(changed));
      assertThat(run("getservbyname", "http")).as(changed).first().asString().startsWith("build ");
      assertThat(run("getservbyname", "http")).as("after the build of " + changed)
          .noneMatch(c -> c.startsWith("build "));
    }
  }

  @Test
  void aPackageAddedAfterTheBuildIsWatchedAfterTheNextOne() throws IOException {
    run("getservbyname", "http");
    Path added = Files.createDirectories(root.resolve("netdb-lib/src/main/java/dev/netdb/added"));
    later(added.getParent());
    assertThat(run("getservbyname", "http")).first().asString().startsWith("build ");
    later(added);
    assertThat(run("getservbyname", "http")).as("a file created in the new package")
        .first().asString().startsWith("build ");
  }

  @Test
  void rebuildsOverAStampFromAnOlderBuild() throws IOException {
    Files.writeString(root.resolve("netdb-cli/target/netdb.stamp"), ""); // `touch`ed, as builds did
    assertThat(run("getservbyname", "http")).first().asString().startsWith("build ");
    assertThat(Files.readString(root.resolve("netdb-cli/target/netdb.stamp")))
        .contains("netdb_dirs='pom.xml netdb-lib/pom.xml netdb-cli/pom.xml ")
        .contains(" netdb-lib/src/main/java/dev/netdb/files ").contains("netdb_java_home='" + jdk + "'");
  }

  @Test
  void runsTheJdkThatBuiltTheJarsOrFindsOneWhenItIsGone() throws IOException {
    run("getservbyname", "http");
    Path other = root.resolve("other-jdk");
    script(other.resolve("bin/java"), "echo \"other $*\" >>" + log + "\n");
    Path stamp = root.resolve("netdb-cli/target/netdb.stamp");
    FileTime t = Files.getLastModifiedTime(stamp);
    Files.writeString(stamp, Files.readString(stamp).replace("netdb_java_home='" + jdk + "'",
        "netdb_java_home='" + other + "'"));
    Files.setLastModifiedTime(stamp, t);
    assertThat(run("getservbyname", "http")).last().asString().startsWith("other ");
    Files.writeString(stamp, Files.readString(stamp).replace(other.toString(), root.resolve("gone").toString()));
    Files.setLastModifiedTime(stamp, t);
    assertThat(run("getservbyname", "http")).as("scripts/java-home's").last().asString().startsWith("java ");
  }

  @Test
  void picksTheCacheProfileByBackEndAndCommand() throws IOException {
    run("inet_ntoa", "7f000001");
    String[][] cases = {
      {"files", "getservbyname", "http"},
      {"files", "--json", "getprotobyname", "tcp"},
      {"glibc", "getaddrinfo", "localhost", "80"},
      {"glibc", "--backend", "os", "gethostbyname", "localhost"},
      {"java-files", "--backend", "java", "getservbyname", "http"},
      {"java-files", "--hosts", "/etc/hosts", "services"},
      {"java", "--backend", "java", "getaddrinfo", "localhost", "80"},
      {"java", "--no-cache", "gethostbyname", "localhost"},
    };
    for (String[] c : cases) {
      List<String> calls = run(java.util.Arrays.copyOfRange(c, 1, c.length));
      assertThat(calls).as(String.join(" ", c)).anyMatch(l -> l.contains("-XX:AOTCacheOutput=")
          && l.contains("/netdb-cli/target/netdb-" + c[0] + ".aot ") && l.endsWith("dev.netdb.cli.Train " + c[0]));
    }
  }

  @Test
  void raisesTheJitThresholdsForOneShotCommandsOnly() throws IOException {
    run("inet_ntoa", "7f000001");
    String[][] cases = {
      {"one-shot", "getservbyname", "http"},
      {"one-shot", "--backend", "java", "getaddrinfo", "localhost", "80"},
      {"batch", "--json", "getaddrinfo", "-"},
      {"batch", "gethostbyname", "-"},
    };
    for (String[] c : cases) {
      List<String> calls = run(java.util.Arrays.copyOfRange(c, 1, c.length));
      String last = calls.getLast();
      assertThat(last).as(String.join(" ", c)).contains("dev.netdb.cli.Main");
      assertThat(last.contains("-XX:CompileThresholdScaling=10")).as(last).isEqualTo(c[0].equals("one-shot"));
    }
  }

  /** Runs {@code ./netdb ARGS} and returns the calls it made (build, java), one per line. */
  private List<String> run(String... args) throws IOException {
    Files.deleteIfExists(log);
    List<String> command = new java.util.ArrayList<>(List.of(root.resolve("netdb").toString()));
    command.addAll(List.of(args));
    CommandResult r = CommandResult.run(command, "", Duration.ofMinutes(1));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stderr()).as(r.describe()).isEmpty();
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /**
   * Makes {@code p} newer than the stamp by half a minute, both in the past (shells compare mtimes
   * to the second or finer), so that the stamp the next build writes is newer than {@code p}.
   */
  private void later(Path p) throws IOException {
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(root.resolve("netdb-cli/target/netdb.stamp"), FileTime.fromMillis(now - 60_000));
    Files.setLastModifiedTime(p, FileTime.fromMillis(now - 30_000));
  }

  private static void script(Path p, String body) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n" + body);
    executable(p);
  }

  private static void executable(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
