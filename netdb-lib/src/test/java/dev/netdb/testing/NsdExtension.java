package dev.netdb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a shared {@link NsdServer} serving {@link TestZone#zones()} into test constructors and
 * methods that declare a parameter of that type ({@code @ExtendWith(NsdExtension.class)}).
 *
 * <p>The server is started on first use and kept in the root extension store, so every test
 * class of one run shares it; JUnit closes it (SIGTERM by PID) when the run ends. Where NSD is
 * not installed the requesting test is skipped with a printed reason, or fails under
 * {@code CI=true}.
 */
public final class NsdExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NsdExtension.class);

  /** Reports whether the parameter is an {@link NsdServer}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == NsdServer.class;
  }

  /** Returns the shared server, starting it on first use. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    NsdServer.requireNsd();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(NsdServer.class, key -> startShared(), NsdServer.class);
  }

  private static NsdServer startShared() {
    try {
      return NsdServer.start(TestZone.zones());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the shared NSD test server", e);
    }
  }
}
