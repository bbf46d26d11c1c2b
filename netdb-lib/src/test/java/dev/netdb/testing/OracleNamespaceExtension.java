package dev.netdb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a shared {@link OracleNamespace} session with the reference configuration into test
 * constructors and methods that declare a parameter of that type
 * ({@code @ExtendWith(OracleNamespaceExtension.class)}).
 *
 * <p>The session opens on first use, is shared by every test of the run, and is closed by JUnit
 * at the end. Where the machine cannot host it the requesting test is skipped with a printed
 * reason, or fails under {@code CI=true}.
 */
public final class OracleNamespaceExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OracleNamespaceExtension.class);

  /** Reports whether the parameter is an {@link OracleNamespace}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OracleNamespace.class;
  }

  /** Returns the shared session, opening it on first use. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    OracleNamespace.requireAvailable();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(OracleNamespace.class, key -> openShared(), OracleNamespace.class);
  }

  private static OracleNamespace openShared() {
    try {
      return OracleNamespace.open();
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the shared oracle namespace", e);
    }
  }
}
