package dev.netdb.files;

import java.util.Objects;

/**
 * One service of an {@code /etc/nsswitch.conf} line, such as {@code files} or {@code dns
 * [!UNAVAIL=return]}, with the action glibc takes after each status it can report.
 *
 * <p>glibc's defaults ({@code nss_action_parse.c}): return on {@code SUCCESS}, continue on every
 * other status; a bracket sets single statuses, and {@code !STATUS=action} sets every status but
 * that one.
 *
 * @param module the service's name, the {@code NAME} of {@code libnss_NAME.so.2}
 * @param success the action after {@code SUCCESS}
 * @param notFound the action after {@code NOTFOUND}
 * @param unavail the action after {@code UNAVAIL}, which is also what glibc does when the module
 *     cannot be loaded or lacks the function
 * @param tryAgain the action after {@code TRYAGAIN}
 */
public record NssSource(
    String module, Action success, Action notFound, Action unavail, Action tryAgain) {

  /** What glibc does after a service reported a status. */
  public enum Action {
    /** Stop and return the status. */
    RETURN,
    /** Ask the next service. */
    CONTINUE,
    /** Merge with the next service's answer (groups only). */
    MERGE
  }

  /** Checks that nothing is null. */
  public NssSource {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(success, "success");
    Objects.requireNonNull(notFound, "notFound");
    Objects.requireNonNull(unavail, "unavail");
    Objects.requireNonNull(tryAgain, "tryAgain");
  }

  /** Returns {@code module} with glibc's default actions. */
  public static NssSource of(String module) {
    return new NssSource(module, Action.RETURN, Action.CONTINUE, Action.CONTINUE, Action.CONTINUE);
  }

  /** Returns nsswitch.conf's spelling, with the bracket only where an action differs from the default. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    criterion(sb, "SUCCESS", success, Action.RETURN);
    criterion(sb, "NOTFOUND", notFound, Action.CONTINUE);
    criterion(sb, "UNAVAIL", unavail, Action.CONTINUE);
    criterion(sb, "TRYAGAIN", tryAgain, Action.CONTINUE);
    return sb.isEmpty() ? module : module + " [" + sb + "]";
  }

  private static void criterion(StringBuilder sb, String status, Action action, Action dflt) {
    if (action != dflt) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(status).append('=').append(action.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
