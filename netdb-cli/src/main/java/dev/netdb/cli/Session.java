package dev.netdb.cli;

import dev.netdb.NetDb;

/** Holds what the calls of one run share: the options and the back end, created on first use. */
final class Session {
  private final Options options;
  private final NetDbSource source;
  private NetDb netDb;

  /** Supplies the back end; tests pass a fake, {@link Cli} passes {@link BackendFactory}. */
  interface NetDbSource {
    /** Creates the back end for the options. */
    NetDb create(Options options);
  }

  Session(Options options, NetDbSource source) {
    this.options = options;
    this.source = source;
  }

  /** Returns the options. */
  Options options() {
    return options;
  }

  /** Returns the back end if a call has created it, else null. */
  NetDb created() {
    return netDb;
  }

  /** Returns the back end, creating it on first use (commands like inet_* never need one). */
  NetDb netDb() {
    if (netDb == null) {
      try {
        netDb = source.create(options);
      } catch (UsageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new UsageException("the back end is not available here: " + e.getMessage());
      }
    }
    return netDb;
  }
}
