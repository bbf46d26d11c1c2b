package dev.netdb.python;

import dev.netdb.NetDb;

/** Chooses and creates back ends for the {@link NetDb} factories. */
public final class Backends {
  private Backends() {}

  /** Returns the OS back end. */
  public static NetDb os() {
    throw new UnsupportedOperationException("OS back end not built yet");
  }

  /** Returns the pure-Java back end on the system's files. */
  public static NetDb java() {
    return NetDb.builder().build();
  }

  /** Returns the OS back end where it works, else the pure-Java one. */
  public static NetDb system() {
    return java();
  }
}
