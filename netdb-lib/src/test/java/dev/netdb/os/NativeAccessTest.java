package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs {@link NativeAccessProbe} in forked JVMs on the class path, one scenario each, to check
 * that the availability check never triggers the JDK's native-access warning and that its
 * refusal says how to enable access.
 */
@EnabledOnOs(OS.LINUX)
class NativeAccessTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          --enable-native-access=ALL-UNNAMED | available                         | created 80
          --illegal-native-access=warn       | native access is not enabled      | --enable-native-access=ALL-UNNAMED
          --illegal-native-access=deny       | native access is not enabled      | Enable-Native-Access: ALL-UNNAMED
          -Dos.arch=sparcv9                  | supports only Linux on x86_64 or aarch64 | not Linux on sparcv9
          """)
  void probe(String option, String availability, String detail)
      throws IOException, InterruptedException {
    Path classes = Path.of("target/classes");
    Path testClasses = Path.of("target/test-classes");
    Assumptions.assumeTrue(Files.isDirectory(classes) && Files.isDirectory(testClasses));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(option);
    cmd.add("-cp");
    cmd.add(classes + java.io.File.pathSeparator + testClasses);
    cmd.add(NativeAccessProbe.class.getName());
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    assertThat(out).contains(availability).contains(detail);
    // Checking must not make a restricted call, so the JDK never prints its warning.
    assertThat(err).doesNotContain("WARNING");
  }
}
