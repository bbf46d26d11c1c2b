package dev.netdb;

import dev.netdb.backend.Backend;
import dev.netdb.dns.LookupFailure;

/**
 * Builds the (package-private) Python layer over a given back end for the tests of other
 * packages, as the API's factories do for the real back ends.
 */
public final class PythonLayers {
  private PythonLayers() {}

  /**
   * Returns the public exception the API raises for a back end's failure ({@link LookupFailure}),
   * or {@code e} itself when it is already public.
   */
  public static RuntimeException toPublic(RuntimeException e) {
    return e instanceof LookupFailure f ? PublicEdge.toPublic(f) : e;
  }

  /** Returns the Python layer over {@code backend}; closing it closes the back end. */
  public static NetDb over(Backend backend) {
    return new PythonLayer(backend);
  }
}
