package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.DnsError;
import dev.netdb.dns.Eai;
import dev.netdb.os.bindings.Libc;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the one h_errno/EAI vocabulary ({@link Eai}, {@link DnsError}), which both back ends use
 * for Python's messages, against the real glibc's {@code gai_strerror} and {@code hstrerror} for
 * every code around the defined ones, known or not. The JVM here runs with no message catalogue
 * for its locale, so libc gives the C-locale texts Python shows.
 */
@EnabledOnOs(OS.LINUX)
class ErrorTextsTest {
  @BeforeAll
  static void available() {
    OsBackend.create();
  }

  static IntStream eaiCodes() {
    return IntStream.concat(IntStream.rangeClosed(-20, 5), IntStream.rangeClosed(-110, -95));
  }

  static IntStream herrnos() {
    return IntStream.rangeClosed(-3, 9);
  }

  @ParameterizedTest(name = "gai_strerror({0})")
  @MethodSource("eaiCodes")
  void eaiTextIsGlibcs(int code) {
    assertThat(Eai.message(code)).isEqualTo(NativeText.read(Libc.gai_strerror(code)));
    if (code != Eai.SYSTEM.code()) { // EAI_SYSTEM is OSError(errno, strerror(errno))
      assertThat(Errors.gai(code, 0, "x").getMessage()).contains(Eai.message(code));
    }
  }

  @ParameterizedTest(name = "hstrerror({0})")
  @MethodSource("herrnos")
  void hErrnoTextIsGlibcs(int herrno) {
    assertThat(DnsError.hstrerror(herrno)).isEqualTo(NativeText.read(Libc.hstrerror(herrno)));
    assertThat(Errors.host(herrno, "x").code()).isEqualTo(herrno);
  }
}
