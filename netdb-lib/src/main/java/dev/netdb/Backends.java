package dev.netdb;

import dev.netdb.os.OsBackend;

/**
 * Chooses and creates back ends for the {@link NetDb} factories. {@link #java()} is one shared
 * instance per JVM, created on first use, whose {@code close()} does nothing; the OS back end owns
 * nothing, so its {@code close()} does nothing either.
 */
final class Backends {
  private Backends() {}

  /** The shared pure-Java instance, built on first use (building reads no file, opens no socket). */
  private static final class SharedJava {
    static final NetDb INSTANCE = PythonLayer.shared((PythonLayer) NetDb.builder().build());
  }

  /**
   * Returns the OS back end; databases that nsswitch.conf gives to {@code files} alone are answered
   * by the pure-Java reader of the same file ({@link OsBackend#system()}, {@link OsBackend#route}).
   *
   * @throws OsBackendUnavailableException where the platform or native access does
   *     not allow it; the message says why and how to enable it
   */
  static NetDb os() {
    if (!OsBackend.isAvailable()) {
      throw new OsBackendUnavailableException(OsBackend.unavailableReason(), OsBackend.unavailableCause());
    }
    return new PythonLayer(OsBackend.system());
  }

  /**
   * Returns the shared pure-Java back end on the system's files; its DNS threads, once started by
   * a first DNS lookup, live as long as the JVM.
   */
  static NetDb java() {
    return SharedJava.INSTANCE;
  }

  /** Returns the OS back end where it works here, else the shared pure-Java one. */
  static NetDb system() {
    return OsBackend.isAvailable() ? os() : java();
  }
}
