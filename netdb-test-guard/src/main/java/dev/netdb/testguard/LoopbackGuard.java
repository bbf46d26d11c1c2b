package dev.netdb.testguard;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test during which the pure-Java transport refused a non-loopback destination
 * (issue 7 §6). The refusal itself ({@code dev.netdb.dns.LoopbackOnly}, switched on by the
 * surefire {@code argLine}) fails only the lookup that would have sent the query, and a caller
 * that swallows lookup errors (a connect race, a fallback) would otherwise pass quietly; so this
 * extension listens to the guard's logger, which every refusal writes to at {@code ERROR}, and
 * turns any refusal into a test failure naming the destination.
 *
 * <p>Registered for every test class by JUnit's extension auto-detection ({@code
 * META-INF/services}, switched on in the parent POM's surefire configuration) in every module
 * that has this jar as a test dependency. It lives in a jar of its own, on the class path, because
 * netdb-lib's tests run patched into the named module {@code dev.netdb}, where a {@code
 * META-INF/services} file is not read. A test that provokes refusals on purpose says so with
 * {@link ExpectsLoopbackRefusals}.
 */
public final class LoopbackGuard implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  /** The logger {@code LoopbackOnly} writes to (its class name, through System.Logger). */
  static final String GUARD_LOGGER = "dev.netdb.dns.LoopbackOnly";

  private static final ConcurrentLinkedQueue<String> REFUSALS = new ConcurrentLinkedQueue<>();
  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final Logger LOGGER = install();

  private static Logger install() {
    Logger logger = Logger.getLogger(GUARD_LOGGER);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
          REFUSALS.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    return logger;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    check(context, "before this test (in the class's set-up or an earlier test's threads)");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check(context, "during this test");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check(context, "in this class's set-up or tear-down");
  }

  private static void check(ExtensionContext context, String when) {
    List<String> seen = drain();
    if (seen.isEmpty() || expects(context)) {
      return;
    }
    throw new AssertionError("the loopback guard refused " + seen.size()
        + " DNS destination(s) " + when + " (" + LOGGER.getName() + "):\n  "
        + String.join("\n  ", seen));
  }

  private static boolean expects(ExtensionContext context) {
    return context.getElement().map(LoopbackGuard::annotated).orElse(false)
        || context.getTestClass().map(LoopbackGuard::annotated).orElse(false);
  }

  private static boolean annotated(AnnotatedElement e) {
    return e.isAnnotationPresent(ExpectsLoopbackRefusals.class);
  }

  private static List<String> drain() {
    List<String> seen = new java.util.ArrayList<>();
    for (String s; (s = REFUSALS.poll()) != null; ) {
      seen.add(s);
    }
    return seen;
  }
}
