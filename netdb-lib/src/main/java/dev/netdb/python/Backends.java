package dev.netdb.python;

import dev.netdb.NetDb;
import dev.netdb.os.OsBackend;

/** Chooses and creates back ends for the {@link NetDb} factories. */
public final class Backends {
  private Backends() {}

  /**
   * Returns the OS back end; databases that nsswitch.conf gives to {@code files} alone are answered
   * by the pure-Java reader of the same file ({@link OsBackend#system()}, {@link OsBackend#route}).
   *
   * @throws dev.netdb.os.OsBackendUnavailableException where the platform or native access does
   *     not allow it; the message says why and how to enable it
   */
  public static NetDb os() {
    return new PythonLayer(OsBackend.system());
  }

  /** Returns the pure-Java back end on the system's files. */
  public static NetDb java() {
    return NetDb.builder().build();
  }

  /** Returns the OS back end where it works here, else the pure-Java one. */
  public static NetDb system() {
    return OsBackend.isAvailable() ? os() : java();
  }
}
