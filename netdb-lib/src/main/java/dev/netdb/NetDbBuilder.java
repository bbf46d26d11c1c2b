package dev.netdb;

/**
 * Builds a pure-Java {@link NetDb} with every input injectable. Unset inputs take the system's
 * files and settings.
 */
public final class NetDbBuilder {
  NetDbBuilder() {}

  /** Builds the back end. */
  public NetDb build() {
    throw new UnsupportedOperationException("pure-Java back end not built yet");
  }
}
