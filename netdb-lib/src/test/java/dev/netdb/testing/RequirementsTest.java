package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Checks that a missing requirement skips outside CI and fails under {@code CI=true}. */
class RequirementsTest {
  @Test
  void metRequirementDoesNothing() {
    assertThatCode(() -> Requirements.require(true, "unused")).doesNotThrowAnyException();
  }

  @Test
  void missingRequirementSkipsOrFailsWithTheReason() {
    Class<? extends Throwable> expected =
        Requirements.onCi() ? AssertionFailedError.class : TestAbortedException.class;
    assertThatThrownBy(() -> Requirements.require(false, "frobnicator absent"))
        .isExactlyInstanceOf(expected)
        .hasMessageContaining("frobnicator absent");
  }

  @Test
  void findsProgramsOnTheSystemPathOnly() {
    assertThat(Requirements.findProgram("sh")).isPresent();
    assertThat(Requirements.findProgram("no-such-program-netdb")).isEmpty();
  }
}
